#!/usr/bin/env python3
"""Write N realistic plans by recombining the sample corpus.

usage: gen_corpus.py OUT_DIR N [--seed S] [--corpus DIR]

Each plan starts from one corpus plan and gets other numbers, dates, places,
agencies, often an issuer header of its province, and a reshuffled set of sections (numbered sections of the same
level are dropped, duplicated from another plan, or reordered, and then
renumbered). Provinces share numbers (a third of the plans draw theirs from
1-50, so every province has its `17/KH-UBND`) and department names (every
province has a `Sở Tài chính`), as real indexes do. The same seed always writes the same files. Used by the ingest
benchmark and the crash test.
"""
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

PROVINCES = ["An Giang", "Bắc Ninh", "Bình Định", "Cà Mau", "Đắk Lắk", "Đồng Tháp", "Hà Tĩnh", "Hải Dương", "Khánh Hòa",
             "Lào Cai", "Long An", "Nam Định", "Ninh Bình", "Phú Thọ", "Quảng Nam", "Quảng Ngãi", "Sóc Trăng", "Thái Bình",
             "Thanh Hóa", "Tiền Giang", "Trà Vinh", "Vĩnh Long", "Yên Bái", "Bến Tre", "Gia Lai"]
PLACES = ["Phú Mỹ", "Lâm Đồng", "Nghệ An", "Kiên Giang", "Tây Ninh", "An Giang", "Phú Tân"]
DEPARTMENTS = ["Sở Tài chính", "Sở Nội vụ", "Sở Y tế", "Sở Tư pháp", "Sở Xây dựng", "Sở Công Thương", "Sở Kế hoạch và Đầu tư",
               "Sở Khoa học và Công nghệ", "Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải", "Sở GDĐT",
               "Sở LĐ-TB&XH", "Sở VHTTDL", "Sở TT&TT", "Sở Nông nghiệp và Phát triển nông thôn"]
SECTION = re.compile(r"^(\d{1,2})\. ", re.M)


def load(corpus):
    plans = []
    for f in sorted(os.listdir(corpus)):
        if f.endswith(".txt"):
            with open(os.path.join(corpus, f), encoding="utf-8") as fh:
                plans.append(fh.read())
    return plans


def blocks(text):
    """Split a plan into (head, [section blocks starting with 'N. '], tail) at the top Arabic level of its last Roman part."""
    lines = text.split("\n")
    starts = [i for i, l in enumerate(lines) if SECTION.match(l.strip())]
    if len(starts) < 3:
        return text, [], ""
    end = next((i for i, l in enumerate(lines) if l.strip().startswith(("Trên đây", "Nơi nhận"))), len(lines))
    starts = [s for s in starts if s < end]
    if len(starts) < 3:
        return text, [], ""
    head = "\n".join(lines[: starts[0]])
    body = [("\n".join(lines[a:b])) for a, b in zip(starts, starts[1:] + [end])]
    return head, body, "\n".join(lines[end:])


def renumber(sections):
    out = []
    for n, s in enumerate(sections, 1):
        out.append(SECTION.sub(f"{n}. ", s, count=1))
    return out


def plan(rng, plans, k):
    base = rng.choice(plans)
    head, body, tail = blocks(base)
    if body:
        donor = blocks(rng.choice(plans))[1]
        body = [s for s in body if rng.random() > 0.15]
        if donor:
            body.insert(rng.randrange(len(body) + 1), rng.choice(donor))
        if rng.random() < 0.3:
            rng.shuffle(body)
        text = head + "\n" + "\n".join(renumber(body)) + "\n" + tail
    else:
        text = base
    province = rng.choice(PROVINCES)
    for p in PLACES:
        text = text.replace(p, province).replace(p.upper(), province.upper())
    number = rng.randint(1, 50) if rng.random() < 0.33 else rng.randint(1, 9999)
    text = re.sub(r"Số: ?\d* ?/", lambda m: f"Số: {number}/", text, count=1)
    if rng.random() < 0.6 and "ỦY BAN NHÂN DÂN" not in text[:200]:
        text = f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}\n" + text.lstrip("\n")
    year = rng.randint(2019, 2026)
    text = re.sub(r"năm 20\d\d", lambda m: f"năm {year}", text)
    text = re.sub(r"(\d{1,2})/(\d{1,2})/20\d\d", lambda m: f"{rng.randint(1, 28):02d}/{rng.randint(1, 12)}/{rng.randint(2015, year)}", text)
    text = re.sub(r"ngày (\d{1,2}) tháng (\d{1,2})", lambda m: f"ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)}", text)
    text = re.sub(r"\b(\d{1,3}(?:,\d)?)%", lambda m: f"{rng.randint(5, 100)}%", text)
    for d in ["Sở Tài chính", "Sở Nội vụ", "Sở Kế hoạch và Đầu tư"]:
        text = text.replace(d, rng.choice(DEPARTMENTS))
    return text


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    seed = 1
    corpus = os.path.join(HERE, "..", "Corpus")
    for i, a in enumerate(argv):
        if a == "--seed":
            seed = int(argv[i + 1]); args.remove(argv[i + 1])
        if a == "--corpus":
            corpus = argv[i + 1]; args.remove(argv[i + 1])
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out, n = args[0], int(args[1])
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    plans = load(corpus)
    for k in range(n):
        sub = os.path.join(out, f"{k // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"plan-{k:06d}.txt"), "w", encoding="utf-8") as fh:
            fh.write(plan(rng, plans, k))
    print(f"wrote {n} plans to {out} (seed {seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
