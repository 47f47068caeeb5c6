#!/usr/bin/env python3
"""Writes a large RSS 2.0 feed and a large Atom 1.0 feed for the parse benchmark (issue 3).

Fixed seed, so every run writes the same bytes. The items carry what real feeds carry: HTML
descriptions escaped as text and in CDATA, entities (named, numeric, double-escaped), dates in
mixed zones (named, numeric, missing seconds), Dublin Core authors, and English, Chinese and
Malay text.

Usage: bench/parse/make_big_feed.py [out_dir] [items]   (default bench/out, 50000)
Writes big.rss (about 80 MB) and big.atom beside it.
"""
import os
import random
import sys
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "out")
ITEMS = int(sys.argv[2]) if len(sys.argv) > 2 else 50000

EN = ("the new update broke login again and support says wait for the next release but "
      "battery life is great and the camera finally works in low light love it "
      "delivery was late by three days refund requested customer service never replied").split()
ZH = list("这个应用更新以后登录又坏了客服说等下一个版本但是电池续航很好相机在弱光下终于好用了非常喜欢快递晚了三天申请退款客服从来不回复")
MS = ("kemas kini baru ini rosakkan log masuk lagi dan sokongan kata tunggu keluaran seterusnya "
      "tetapi hayat bateri sangat bagus kamera akhirnya berfungsi penghantaran lewat tiga hari").split()
AUTHORS = ["Aminah binti Yusof", "李小龙", "Jordan O'Neil", "Zoë Müller", "support@shop.example (Shop Team)", "陈静"]
ZONES = [("GMT", 0), ("+0800", 8 * 60), ("-0500", -5 * 60), ("EST", -5 * 60), ("+0530", 5 * 60 + 30), ("PDT", -7 * 60)]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def words(rng, n):
    lang = rng.random()
    if lang < 0.6:
        return " ".join(rng.choice(EN) for _ in range(n))
    if lang < 0.8:
        return "".join(rng.choice(ZH) for _ in range(n * 2))
    return " ".join(rng.choice(MS) for _ in range(n))


def html_body(rng):
    parts = []
    for _ in range(rng.randint(3, 6)):
        kind = rng.random()
        text = words(rng, rng.randint(18, 40))
        if kind < 0.5:
            parts.append(f"<p>{text} &amp; more &mdash; &#8220;quoted&#8221; &copy; 2026</p>")
        elif kind < 0.7:
            parts.append(f"<ul><li>{text[:40]}</li><li>{text[40:90]}</li></ul>")
        elif kind < 0.85:
            parts.append(f"<blockquote><b>{text[:30]}</b> {text[30:]}<br/></blockquote>")
        else:
            parts.append(f"<p><a href=\"https://shop.example/x?a=1&amp;b=2\">{text}</a></p><script>track({rng.randint(1, 99)})</script>")
    return "".join(parts)


def rfc822(rng, when):
    name, minutes = rng.choice(ZONES)
    local = when + timedelta(minutes=minutes)
    day = DAYS[local.weekday()]
    secs = "" if rng.random() < 0.1 else f":{local.second:02d}"
    return f"{day}, {local.day:02d} {MONTHS[local.month - 1]} {local.year} {local.hour:02d}:{local.minute:02d}{secs} {name}"


def rss(rng, path):
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
                  'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">\n'
                  '<channel><title>Big bench feed &amp; friends</title><link>https://shop.example/</link>\n'
                  '<description>50,000 items for the parse benchmark</description>\n')
        for i in range(ITEMS):
            when = start + timedelta(seconds=i * 631)
            title = words(rng, rng.randint(5, 12))
            body = html_body(rng)
            out.write("<item>\n")
            if rng.random() < 0.2:
                out.write(f"<title>{escape(title)} &amp;amp; co</title>\n")
            else:
                out.write(f"<title>{escape(title)}</title>\n")
            out.write(f"<link>https://shop.example/posts/{i}?ref=rss&amp;lang=en</link>\n")
            out.write(f'<guid isPermaLink="false">tag:shop.example,2026:{i}</guid>\n')
            out.write(f"<pubDate>{rfc822(rng, when)}</pubDate>\n")
            out.write(f"<dc:creator>{escape(rng.choice(AUTHORS))}</dc:creator>\n")
            if rng.random() < 0.5:
                out.write(f"<description><![CDATA[{body}]]></description>\n")
            else:
                out.write(f"<description>{escape(body)}</description>\n")
            if rng.random() < 0.3:
                out.write(f"<content:encoded><![CDATA[{html_body(rng)}]]></content:encoded>\n")
            out.write("</item>\n")
        out.write("</channel></rss>\n")


def atom(rng, path):
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://shop.example/">\n'
                  '<title>Big bench feed</title><id>urn:bench:atom</id><updated>2026-11-20T00:00:00Z</updated>\n'
                  '<link rel="alternate" href="/"/><author><name>Bench</name></author>\n')
        for i in range(ITEMS):
            when = start + timedelta(seconds=i * 631)
            offset = rng.choice([0, 8 * 60, -5 * 60, 5 * 60 + 30])
            local = when + timedelta(minutes=offset)
            zone = "Z" if offset == 0 else f"{'+' if offset > 0 else '-'}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"
            stamp = local.strftime("%Y-%m-%dT%H:%M:%S") + zone
            out.write("<entry>\n")
            out.write(f"<title type=\"text\">{escape(words(rng, rng.randint(5, 12)))}</title>\n")
            out.write(f"<id>urn:bench:entry:{i}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"posts/{i}\"/>\n")
            out.write(f"<published>{stamp}</published><updated>{stamp}</updated>\n")
            out.write(f"<author><name>{escape(rng.choice(AUTHORS))}</name></author>\n")
            out.write(f"<summary type=\"html\">{escape(html_body(rng))}</summary>\n")
            if rng.random() < 0.3:
                out.write(f"<content type=\"html\"><![CDATA[{html_body(rng)}]]></content>\n")
            out.write("</entry>\n")
        out.write("</feed>\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    rss(random.Random(3), os.path.join(OUT, "big.rss"))
    atom(random.Random(33), os.path.join(OUT, "big.atom"))
    for name in ("big.rss", "big.atom"):
        path = os.path.join(OUT, name)
        print(f"{path}: {os.path.getsize(path) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
