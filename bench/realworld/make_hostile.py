#!/usr/bin/env python3
"""Writes ill-formed and hostile feeds to bench/out/realworld/hostile/ for the exit check of
bench/feedparser_agreement.py (--exit-check hostile=bench/out/realworld/hostile): earshot must
exit 0, or 1 with one line on stderr, within 10 s on each. Nothing here is committed but this script.
"""
import os
import random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "out", "realworld", "hostile")
os.makedirs(OUT, exist_ok=True)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


head = '<?xml version="1.0"?>\n'
item = "<item><title>t</title><guid>g</guid></item>"
laughs = "".join(f'<!ENTITY lol{i} "{"&lol%d;" % (i - 1) * 10}">' for i in range(1, 10))
write("billion_laughs.xml", head + f'<!DOCTYPE rss [<!ENTITY lol0 "lol">{laughs}]><rss version="2.0"><channel><title>&lol9;</title>{item}</channel></rss>')
write("quadratic_blowup.xml", head + f'<!DOCTYPE rss [<!ENTITY a "{"x" * 50000}">]><rss version="2.0"><channel><title>{"&a;" * 50000}</title></channel></rss>')
write("external_entity_file.xml", head + '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title>' + item + "</channel></rss>")
write("external_entity_http.xml", head + '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]><rss version="2.0"><channel><title>&xxe;</title>' + item + "</channel></rss>")
write("external_dtd.xml", head + '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss.dtd"><rss version="2.0"><channel>' + item + "</channel></rss>")
write("parameter_entity.xml", head + '<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><rss version="2.0"><channel>' + item + "</channel></rss>")
write("deep_nesting_100k.xml", head + '<rss version="2.0"><channel>' + "<x>" * 100000 + "</x>" * 100000 + "</channel></rss>")
write("deep_nesting_unclosed.xml", head + '<rss version="2.0"><channel><item>' + "<div>" * 200000)
write("huge_attribute.xml", head + '<rss version="2.0"><channel><item a="' + "x" * 30_000_000 + '"><title>t</title></item></channel></rss>')
write("huge_text_node.xml", head + '<rss version="2.0"><channel><item><title>' + "y" * 30_000_000 + "</title></item></channel></rss>")
write("many_items_500k.xml", head + '<rss version="2.0"><channel>' + item * 500000 + "</channel></rss>")
write("many_attributes.xml", head + '<rss version="2.0"><channel><item ' + " ".join(f'a{i}="v"' for i in range(200000)) + "><title>t</title></item></channel></rss>")
write("unclosed_everything.xml", head + '<rss version="2.0"><channel><title>open<item><title>a<description>b &nbsp; & c')
write("truncated_cdata.xml", head + '<rss version="2.0"><channel><item><title><![CDATA[never ends')
write("empty.xml", b"")
write("only_bom.xml", b"\xef\xbb\xbf")
write("nul_bytes.xml", b"\x00" * 100000)
rng = random.Random(3)
write("random_bytes.xml", bytes(rng.randrange(256) for _ in range(200000)))
write("random_bytes_after_declaration.xml", head.encode() + bytes(rng.randrange(256) for _ in range(200000)))
write("utf16_odd_length.xml", '<?xml version="1.0" encoding="UTF-16"?><rss><channel><title>x</title></channel></rss>'.encode("utf-16-le") + b"\x3c")
write("not_a_feed_html.xml", "<!DOCTYPE html><html><body><p>not a feed</p></body></html>")
write("not_a_feed_json.xml", '{"not": "a feed"' * 1000)
write("wrong_root.xml", head + "<svg xmlns='http://www.w3.org/2000/svg'><title>x</title></svg>")
write("processing_instructions.xml", head + "<?pi " + "x" * 1000000 + "?>" + '<rss version="2.0"><channel>' + item + "</channel></rss>")
write("comment_flood.xml", head + '<rss version="2.0"><channel>' + "<!-- c -->" * 500000 + item + "</channel></rss>")
write("entity_flood_numeric.xml", head + '<rss version="2.0"><channel><item><title>' + "&#x1F600;" * 1000000 + "</title></item></channel></rss>")
write("invalid_char_refs.xml", head + '<rss version="2.0"><channel><item><title>&#0;&#xD800;&#x110000;&#99999999999;</title></item></channel></rss>')
write("mismatched_tags.xml", head + '<rss version="2.0"><channel><item><title>a</item></title></channel></rss>')
write("dates_garbage.xml", head + '<rss version="2.0"><channel><item><title>d</title><pubDate>' + "9" * 100000 + "</pubDate></item>"
      "<item><title>e</title><pubDate>Mon, 99 Foo 99999999 99:99:99 +9999</pubDate></item></channel></rss>")
write("atom_nested_entries.xml", head + '<feed xmlns="http://www.w3.org/2005/Atom">' + "<entry><title>x</title>" * 10000)
print(f"wrote {len(os.listdir(OUT))} files to {os.path.normpath(OUT)}")
