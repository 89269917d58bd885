-- The policy statement of the rule that decided a partnership rating (its @policy metadata), so the
-- report can say how the partnership decides, in the words of the rule file that decided.
alter table partnership_rating add column policy text;
