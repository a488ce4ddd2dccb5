#!/usr/bin/python3
"""Writes the malformed tabular inputs of this folder (see README.md); run it from here.

old-excel.xls and unicode-text.csv are not made here: LibreOffice wrote them (README.md).
"""
import zipfile

H = "last_name;first_name;birth_date;notes\r\n"


def write(name, data, encoding="utf-8"):
    with open(name, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode(encoding))


write("empty.csv", b"")
write("header-only.csv", H)
write("commas.csv", "last_name,first_name\r\nMartin,Paul\r\n")
write("tabs.csv", "last_name\tfirst_name\r\nMartin\tPaul\r\n")
write("unbalanced-quote.csv", H + "Martin;Paul;;ok\r\n\"Durand;Léa;;\r\nX;Y;;\r\n")
write("duplicate-column.csv", "last_name;first_name;last_name\r\nMartin;Paul;Durand\r\n")
write("unknown-column.csv", "last_name;first_name;pointure\r\nMartin;Paul;42\r\n")
write("impossible-date.csv", H + "Martin;Paul;31/02/2026;\r\n")
write("extra-fields.csv", "last_name;first_name\r\nMartin;Paul;en trop\r\n")
write("text-named.xlsx", "this is not a workbook\n")
with open("../real/libreoffice-dates.xlsx", "rb") as f:
    write("workbook-named.csv", f.read())
# a byte Windows-1252 leaves undefined (0x81), on line 3
write("undefined-byte.csv", H.encode() + b"Martin;Paul;;\r\nA\x81;B;;\r\n")
# UTF-8 up to line 2, then a Windows-1252 "è" on line 3
write("mixed-encodings.csv",
      (H + "Éric;Zoé;;\r\n").encode("utf-8") + "Lefèvre;Hélène;;\r\n".encode("cp1252"))
# NUL, BEL, ESC in names and a note; DEL and a C1 control in another
write("control-characters.csv",
      H + "Mar\x00tin;Pa\x07ul;;note\x1b[31m rouge\r\nDurand\x7f;L\u0085éa;;ok\r\n")
write("too-long.csv", H + ("L" * 150) + ";Paul;;\r\n" + "Durand;Léa;;" + ("n" * 5000) + "\r\n")
write("formula-injection.csv",
      "last_name;first_name;notes;address\r\n"
      "\"=HYPERLINK(\"\"http://example.invalid\"\";\"\"clic\"\")\";Paul;+cmd|' /C calc'!A0;-1+1\r\n"
      "@SUM(A1:A2);Léa;\"\t=1+1\";\"\r=2+2\"\r\n")

# An .xlsx whose shared strings inflate to 1 GiB (one string of "A"): about 1 MB on disk.
PARTS = {
    "[Content_Types].xml":
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
        '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings'
        '+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    "_rels/.rels":
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
        '"xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml":
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org'
        '/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006'
        '/relationships"><sheets><sheet name="Candidats" sheetId="1" r:id="rId1"/></sheets>'
        '</workbook>',
    "xl/_rels/workbook.xml.rels":
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target='
        '"worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org'
        '/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/></Relationships>',
    "xl/styles.xml":
        '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main"><numFmts count="0"/><cellXfs count="1"><xf numFmtId="0"/>'
        '</cellXfs></styleSheet>',
    "xl/worksheets/sheet1.xml":
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        '</sheetData></worksheet>',
}
import os
if os.path.exists("shared-strings-bomb.xlsx"):
    raise SystemExit(0)  # slow to make (1 GiB to deflate): delete it to make it again
with zipfile.ZipFile("shared-strings-bomb.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for name, text in PARTS.items():
        z.writestr(name, text)
    with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as s:
        s.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
                b'openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>')
        chunk = b"A" * (1 << 20)
        for _ in range(1024):
            s.write(chunk)
        s.write(b"</t></si></sst>")
