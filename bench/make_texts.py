#!/usr/bin/env python3
"""Writes N short customer-talk texts (English, some Malay and Chinese), one per line, from a
fixed seed, for the `earshot score` benchmark. Usage: make_texts.py N OUT"""
import random
import sys

EN_SUBJECTS = ["The app", "Support", "Customer service", "The delivery", "My refund", "The product", "The new update",
               "Their chat agent", "Checkout", "The price", "This phone", "The courier", "The help desk", "Shipping"]
EN_PREDICATES = ["is great", "is not good at all", "was really slow", "works perfectly", "never replied to me",
                 "charged me twice", "kept me on hold for 40 minutes", "is AMAZING!!!", "is kind of okay",
                 "was terrible but the product is fine", "fixed it fast, thanks :)", "is a total scam",
                 "is easy to use", "broke after a week", "is worth every penny", "is still waiting on my ticket",
                 "was friendly and helpful", "is the worst 😡", "made my day 😍", "is fine I guess"]
MS = ["Servis teruk gila, tak pernah balas", "Produk ni memang best, sgt berbaloi", "Penghantaran lambat tapi barang ok",
      "Khidmat pelanggan x membantu langsung", "Aplikasi mantap, senang guna", "Refund belum masuk lagi, kecewa"]
ZH = ["客服态度很差，一直没人回复", "产品质量非常好，好评", "物流太慢了，但是东西不错", "退款到现在还没到账，垃圾",
      "界面很漂亮，用起来很顺手", "性价比高，推荐购买"]


def main() -> None:
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261122)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            roll = rng.random()
            if roll < 0.8:
                line = f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_PREDICATES)}"
                if rng.random() < 0.3:
                    line += f", and {rng.choice(EN_SUBJECTS).lower()} {rng.choice(EN_PREDICATES)}"
            elif roll < 0.9:
                line = rng.choice(MS)
            else:
                line = rng.choice(ZH)
            f.write(line + f" #{i}\n")


if __name__ == "__main__":
    main()
