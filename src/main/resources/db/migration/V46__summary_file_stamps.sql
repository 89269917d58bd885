-- Issue 13: what the summaries' module knows of each summary file it wrote or read to check it against its manifest:
-- its size, modification time, status-change time (ctime: set by the kernel on any write, rename or change of times,
-- which no ordinary program can put back) and device and inode, with the SHA-256 it had then. A night with nothing new
-- trusts a file that still has all of them without reading it; anything else is read again (VerifiedFiles).
create table summary_file_stamp (
    path_hash      char(64)      not null primary key,
    cycle_id       varchar(100)  not null,
    path           varchar(4000) not null,
    size           bigint        not null,
    modified_nanos bigint        not null,
    changed_nanos  bigint        not null,
    file_key       varchar(100)  not null,
    sha256         char(64)      not null,
    index ix_summary_file_stamp_cycle (cycle_id)
) character set utf8mb4 collate utf8mb4_unicode_ci;
