# Fills a generated template in LibreOffice Calc (headless, over UNO) as a person would, and saves it as .xlsx.
# Run with the system Python that has the uno module (Debian: python3-uno, with libreoffice-calc-nogui).
import sys, time, subprocess, uno, os
from com.sun.star.beans import PropertyValue

src, dst = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                         "-env:UserInstallation=file:///tmp/lo/profile",
                         "--accept=pipe,name=s11wb;urp;StarOffice.ComponentContext"])
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for i in range(120):
    try:
        ctx = resolver.resolve("uno:pipe,name=s11wb;urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(1)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
def prop(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
sheets = doc.Sheets
front = sheets.getByName("About this return")
def field(label, value, date=False):
    for r in range(0, 30):
        if front.getCellByPosition(0, r).String == label:
            cell = front.getCellByPosition(1, r)
            if date:
                cell.Formula = value   # typed as a person types a date: LibreOffice makes it a date cell
            else:
                cell.String = value
            return
    raise Exception("no field " + label)
field("Audit cycle", "pan-sussex-lo")
field("Agency id", "east-sussex-fire")
field("Agency name", "East Sussex Fire & Rescue — Safeguarding")
field("Sector", "other")
field("Completed by: name", "Jo Bloggs")
field("Completed by: role", "Safeguarding lead")
field("Completed by: e-mail", "jo.bloggs@example.org")
field("Date completed", "2025-03-14", date=True)
answers = {"1.1": ("Green", "Board minutes 2024; named director's job description"),
           "1.2": ("Amber", "Designated lead in post; supervision not yet monthly"),
           "6.2": ("Red", "DBS checks missing for 3 volunteers"),
           "9.1": ("N/A", None)}
for name in sheets.ElementNames:
    sheet = sheets.getByName(name)
    if not name.startswith("Area "):
        continue
    heads = [sheet.getCellByPosition(c, 3).String for c in range(0, 12)]
    for r in range(4, 60):
        item = sheet.getCellByPosition(0, r).String
        if item in answers:
            rating, evidence = answers[item]
            sheet.getCellByPosition(heads.index("Rating"), r).String = rating
            if evidence:
                sheet.getCellByPosition(heads.index("Evidence"), r).String = evidence
            if item == "1.1":
                sheet.getCellByPosition(heads.index("Evidence links (one per line)"), r).String = "https://intranet.example/s11/board\nhttps://intranet.example/s11/jd"
            if rating == "N/A":
                sheet.getCellByPosition(heads.index("Reason it does not apply (for N/A)"), r).String = "We do not provide this service"
plan = sheets.getByName("Action Plan")
plan.getCellByPosition(0, 3).String = "6.2"
plan.getCellByPosition(2, 3).String = "Complete DBS checks for all volunteers"
plan.getCellByPosition(3, 3).String = "HR manager"
plan.getCellByPosition(4, 3).Formula = "2025-06-30"
plan.getCellByPosition(0, 4).String = "1.2"
plan.getCellByPosition(2, 4).String = "Monthly supervision for the designated lead"
plan.getCellByPosition(3, 4).String = "Head of prevention"
plan.getCellByPosition(4, 4).Formula = "2025-09-30"
sheets.getByName("Outstanding practice").getCellByPosition(0, 3).String = "Home safety visits include a safeguarding conversation."
doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "Calc MS Excel 2007 XML"),))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
proc.wait(timeout=60)
print("saved", dst)
