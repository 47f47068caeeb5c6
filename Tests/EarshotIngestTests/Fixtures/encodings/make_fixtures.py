#!/usr/bin/env python3
"""Writes the encoding table's fixtures: one document per encoding or mislabelling case, and
cases.json, which says for each file the HTTP charset it is served with (if any), the titles
earshot must decode, and the warning it must give (a substring, or null for none).

Python's codecs are the reference: each title below is written here as Unicode and encoded by
Python, so the test compares earshot's decoding with an independent encoder.
Run from anywhere: python3 make_fixtures.py (it writes beside itself). Outputs are committed.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
WESTERN = "Café “quoted” — naïve €5"
HANS = "品维客服太慢了：退款三周未到"
HANT = "品維客服太慢了：退款三週未到"
EBCDIC_TEXT = "Café Ñandú [brackets] ¬ ok"
cases = []


def rss(title, item, declaration):
    decl = f'<?xml version="1.0" encoding="{declaration}"?>\n' if declaration else ""
    return (decl + '<rss version="2.0"><channel><title>' + title + "</title><link>http://example.com/</link>\n"
            "<item><title>" + item + "</title><guid>1</guid></item></channel></rss>\n")


def add(name, data, title, item, charset=None, warning=None, kind="xml"):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    cases.append({"file": name, "charset": charset, "title": title, "itemTitle": item, "warning": warning, "kind": kind})


def feed(name, codec, title, item=None, declaration=None, bom=b"", charset=None, warning=None):
    item = item if item is not None else title + " 1"
    add(name, bom + rss(title, item, declaration).encode(codec), title, item, charset, warning)


# Unicode with and without a byte-order mark.
feed("utf8_bom.xml", "utf-8", WESTERN, bom=b"\xef\xbb\xbf")
feed("utf8_no_declaration.xml", "utf-8", HANS)
feed("utf16le_bom.xml", "utf-16-le", WESTERN, declaration="UTF-16", bom=b"\xff\xfe")
feed("utf16be_bom.xml", "utf-16-be", HANS, declaration="UTF-16", bom=b"\xfe\xff")
feed("utf16le_no_bom.xml", "utf-16-le", HANS, declaration="UTF-16")
feed("utf16be_no_bom.xml", "utf-16-be", WESTERN, declaration="UTF-16")
feed("utf16le_no_bom_no_declaration.xml", "utf-16-le", WESTERN)
feed("utf32le_bom.xml", "utf-32-le", HANS, declaration="UTF-32", bom=b"\xff\xfe\x00\x00")
feed("utf32be_no_bom.xml", "utf-32-be", WESTERN, declaration="UTF-32")
# Legacy encodings, named in the declaration.
feed("iso8859_1_read_as_windows1252.xml", "cp1252", WESTERN, declaration="ISO-8859-1")
feed("windows1252.xml", "cp1252", WESTERN, declaration="windows-1252")
feed("gb2312_read_as_gb18030.xml", "gb18030", HANS, declaration="gb2312")
feed("gbk_read_as_gb18030.xml", "gb18030", HANS, declaration="GBK")
feed("gb18030_four_byte.xml", "gb18030", HANS + " 𠀀", declaration="GB18030")
feed("big5.xml", "big5", HANT, declaration="big5")
feed("ebcdic_ibm037.xml", "cp037", EBCDIC_TEXT, declaration="IBM037")
feed("ebcdic_ibm500.xml", "cp500", EBCDIC_TEXT, declaration="IBM500")
# Mainframes end lines with NEL (0x15), not LF (0x25): between the declaration and the root too.
add("ebcdic_nel_line_ends.xml", rss(EBCDIC_TEXT, "nel 1", "IBM037").encode("cp037").replace(b"\x25", b"\x15"), EBCDIC_TEXT, "nel 1")
# Labels as Python's codecs spell them (feedparser's test suite uses them): `_` for `-`, cp_is.
CYRILLIC = "Привет, мир — «цитата»"
feed("python_label_windows_1251.xml", "cp1251", CYRILLIC, declaration="windows_1251")
feed("ibm861_labelled_cp_is.xml", "cp861", "Þórður á Íslandi", declaration="cp_is")
feed("mac_central_europe.xml", "mac_latin2", "Łódź, žluťoučký kůň", declaration="maccentraleurope")
feed("ebcdic_python_label_ebcdic_cp_be.xml", "cp500", EBCDIC_TEXT, declaration="ebcdic_cp_be")
feed("ebcdic_cp875_greek.xml", "cp875", "Καλημέρα κόσμε", declaration="cp875")
# Mac pages iconv lacks (Greek, Turkish; its MAC-IS is not Apple's Icelandic): earshot's own tables.
feed("mac_icelandic.xml", "mac_iceland", "Þórður á Íslandi", declaration="maciceland")
feed("mac_greek.xml", "mac_greek", "Καλημέρα κόσμε – «ναι»", declaration="x-mac-greek")
feed("mac_turkish.xml", "mac_turkish", "Günaydın, İstanbul: şğüöç", declaration="macturkish")
# Named by the HTTP charset only, or against the declaration (the HTTP charset wins).
feed("gbk_by_http_charset.xml", "gb18030", HANS, charset="gbk")
feed("http_charset_over_declaration.xml", "big5", HANT, declaration="ISO-8859-1", charset="big5")
# Labels the web gets wrong.
feed("declared_utf8_but_windows1252.xml", "cp1252", WESTERN, declaration="UTF-8", warning="read as Windows-1252")
feed("declared_latin1_but_utf8.xml", "utf-8", WESTERN, declaration="ISO-8859-1", warning="read as UTF-8")
feed("declared_utf16_but_utf8.xml", "utf-8", HANS, declaration="UTF-16", warning="ignored")
feed("http_utf16_but_ascii_bytes.xml", "utf-8", WESTERN, charset="utf-16", warning="HTTP charset 'utf-16' ignored")
# Invalid bytes: replaced, with one warning that names the first byte offset.
good = rss(WESTERN, "bad BYTE byte ü", "UTF-8").encode("utf-8")
bad = good.replace(b"BYTE", b"\xff", 1)
add("utf8_invalid_byte.xml", bad, WESTERN, "bad \ufffd byte ü", warning="byte %d: invalid UTF-8" % bad.index(b"\xff"))
good = rss(HANS, "坏BYTE字节", "GB18030").encode("gb18030")
bad = good.replace(b"BYTE", b"\xff", 1)
add("gb18030_invalid_byte.xml", bad, HANS, "坏\ufffd字节", warning="byte %d: invalid GB18030" % bad.index(b"\xff"))
good = rss(WESTERN, "cut BYTE", None).encode("utf-16-le")
bad = good.replace("BYTE".encode("utf-16-le"), b"\x00\xd8", 1)  # a lone high surrogate
add("utf16le_lone_surrogate.xml", bad, WESTERN, "cut \ufffd", warning="byte %d: invalid UTF-16LE" % bad.index(b"\x00\xd8"))
# The same rules for JSON Feed, review pages and CSV exports.
json_feed = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": WESTERN,
                        "items": [{"id": "1", "title": HANS, "content_text": "x"}]}, ensure_ascii=False)
add("jsonfeed_utf16le_bom.json", b"\xff\xfe" + json_feed.encode("utf-16-le"), WESTERN, HANS, kind="json")
add("jsonfeed_utf8_bom.json", b"\xef\xbb\xbf" + json_feed.encode("utf-8"), WESTERN, HANS, kind="json")
add("jsonfeed_utf16be_no_bom.json", json_feed.encode("utf-16-be"), WESTERN, HANS, kind="json")
add("jsonfeed_windows1252.json", json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": WESTERN,
    "items": [{"id": "1", "title": WESTERN, "content_text": "x"}]}, ensure_ascii=False).encode("cp1252"),
    WESTERN, WESTERN, warning="read as Windows-1252", kind="json")
page = ('<!DOCTYPE html><html><head><meta charset="gb2312"><title>' + HANS + '</title></head><body>'
        '<script type="application/ld+json">{"@type": "Review", "name": "' + HANS + ' 1", "reviewBody": "x",'
        ' "reviewRating": {"ratingValue": 2}}</script></body></html>\n')
add("reviewpage_meta_gb2312.html", page.encode("gb18030"), HANS, HANS + " 1", kind="html")
page = page.replace('<meta charset="gb2312">', '<meta http-equiv="Content-Type" content="text/html; charset=big5">')
add("reviewpage_http_equiv_big5.html", page.replace(HANS, HANT).encode("big5"), HANT, HANT + " 1", kind="html")
csv_text = "id,subject,comment\r\n1," + WESTERN.replace(",", "") + ",slow refund\r\n"
add("csv_excel_windows1252.csv", csv_text.encode("cp1252"), None, WESTERN, warning="read as Windows-1252", kind="csv")
csv_text = "id\tsubject\tcomment\r\n1\t" + HANS + "\tslow refund\r\n"
add("csv_excel_utf16le_bom.csv", b"\xff\xfe" + csv_text.encode("utf-16-le"), None, HANS, kind="csv")

with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
    json.dump(cases, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(f"wrote {len(cases)} cases to {HERE}")
