"""A synthetic but realistic corpus for bench/knowledge.py: product manuals with known answers.

Each product has one manual (markdown, English or Japanese) of sections of about 100 words.
Each section states one fact in the manual's own words (battery "runs for up to 14 hours on a
full charge") padded with the boilerplate real manuals repeat, so many sections share
vocabulary. Each query asks for one fact in other words ("how long does ... last between
top-ups"), naming the product, so the answer section is known: it is in that product's
manual and contains the fact's value.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

BRANDS = [
    "Orion",
    "Vela",
    "Lyra",
    "Nimbus",
    "Corvus",
    "Talon",
    "Helix",
    "Quasar",
    "Juno",
    "Atlas",
    "Cobalt",
    "Zephyr",
    "Ember",
    "Falcon",
    "Granite",
    "Halo",
    "Iris",
    "Kestrel",
    "Lumen",
    "Mistral",
]
SERIES = [
    "Aurora",
    "Breeze",
    "Comet",
    "Delta",
    "Echo",
    "Flux",
    "Glide",
    "Harbor",
    "Ion",
    "Jet",
    "Keystone",
    "Lark",
    "Meridian",
    "Nova",
    "Onyx",
    "Pulse",
    "Quill",
    "Ridge",
    "Summit",
    "Tempo",
]

# (title, fact sentence with {p} and {v}, value range, paraphrased question with {p})
EN_TOPICS = [
    (
        "Battery",
        "The {p} runs for up to {v} hours on a full charge.",
        (4, 40),
        "How long does the {p} last between top-ups?",
    ),
    (
        "Charging",
        "Charging the {p} from empty takes about {v} minutes with the supplied adapter.",
        (30, 240),
        "How much time does the {p} need to fill up its power cell?",
    ),
    (
        "Warranty",
        "The {p} is covered by a limited warranty of {v} months from the date of purchase.",
        (6, 60),
        "For what period will the maker repair a faulty {p} for free?",
    ),
    ("Weight", "Without accessories the {p} weighs {v} grams.", (200, 4000), "How heavy is the {p}?"),
    (
        "Operating temperature",
        "Operate the {p} only at ambient temperatures up to {v} degrees Celsius.",
        (30, 60),
        "How hot may the room get while I use the {p}?",
    ),
    (
        "Water resistance",
        "The {p} withstands immersion to a depth of {v} centimetres for thirty minutes.",
        (10, 300),
        "Can I take the {p} under water, and how deep?",
    ),
    (
        "Noise",
        "At full speed the {p} produces a sound level of {v} decibels.",
        (35, 95),
        "How loud is the {p} when it works hardest?",
    ),
    (
        "Storage",
        "Store the {p} in a dry place and recharge it every {v} days when it is not in use.",
        (30, 180),
        "If I put the {p} away for a while, how often should I top it up?",
    ),
    (
        "Cleaning",
        "Wipe the {p} with a soft cloth; replace the dust filter after {v} hours of operation.",
        (50, 900),
        "When do I need to swap the {p}'s filter?",
    ),
    (
        "Bluetooth",
        "The {p} pairs over Bluetooth with a range of up to {v} metres.",
        (5, 120),
        "How far from my phone can the {p} stay connected wirelessly?",
    ),
    (
        "Display",
        "The {p} has a touch screen with a diagonal of {v} millimetres.",
        (30, 300),
        "How big is the {p}'s panel?",
    ),
    (
        "Memory",
        "Internal storage on the {p} holds up to {v} recordings.",
        (100, 9000),
        "How many clips can the {p} keep?",
    ),
    (
        "Power supply",
        "Connect the {p} only to a {v} volt outlet.",
        (100, 240),
        "Which mains voltage does the {p} need?",
    ),
    (
        "Speed",
        "The motor of the {p} turns at up to {v} revolutions per minute.",
        (500, 30000),
        "How fast does the {p} spin?",
    ),
    (
        "Capacity",
        "The tank of the {p} holds {v} millilitres of liquid.",
        (100, 5000),
        "How much fluid fits into the {p}?",
    ),
    (
        "Firmware",
        "Firmware updates for the {p} are released every {v} weeks through the companion app.",
        (2, 26),
        "How regularly does the {p} get new software?",
    ),
    (
        "Support",
        "The support line for the {p} is staffed {v} hours a day.",
        (8, 24),
        "How many hours daily can I phone someone about the {p}?",
    ),
    (
        "Returns",
        "An unused {p} may be returned within {v} days for a full refund.",
        (14, 90),
        "How long do I have to send the {p} back and get my money?",
    ),
    (
        "Certification",
        "The {p} carries safety certificate number {v}.",
        (1000, 9999),
        "Which approval code does the {p} have?",
    ),
    (
        "Packaging",
        "The box of the {p} contains {v} spare parts in addition to the main unit.",
        (2, 20),
        "How many extra pieces come with the {p}?",
    ),
]
JA_TOPICS = [
    ("バッテリー", "{p}は満充電で最大{v}時間連続して使用できます。", (4, 40), "{p}は一回の充電でどのくらい持ちますか"),
    ("保証", "{p}の保証期間は購入日から{v}か月間です。", (6, 60), "{p}が故障したら無料で直してもらえる期間は"),
    ("重量", "{p}の本体質量は{v}グラムです。", (200, 4000), "{p}の重さを教えてください"),
    ("防水", "{p}は水深{v}センチメートルまでの浸水に耐えます。", (10, 300), "{p}を水に沈めても大丈夫ですか"),
    ("騒音", "{p}の最大運転音は{v}デシベルです。", (35, 95), "{p}はどれくらいうるさいですか"),
    ("返品", "未使用の{p}は{v}日以内であれば返品できます。", (14, 90), "{p}を送り返して返金してもらえる期限は"),
    ("電源", "{p}は{v}ボルトのコンセントに接続してください。", (100, 240), "{p}に必要な電圧は"),
    (
        "サポート",
        "{p}のサポート窓口は一日{v}時間受け付けています。",
        (8, 24),
        "{p}について電話で相談できる時間は一日何時間",
    ),
    (
        "清掃",
        "{p}のフィルターは運転{v}時間ごとに交換してください。",
        (50, 900),
        "{p}のフィルターはいつ取り替えればいいですか",
    ),
    ("画面", "{p}のタッチパネルの対角は{v}ミリメートルです。", (30, 300), "{p}の表示部の大きさは"),
]
EN_FILLER = [
    "Read all safety instructions before using the device.",
    "Keep this manual for future reference.",
    "Use only accessories approved by the manufacturer.",
    "Do not open the housing; there are no user-serviceable parts inside.",
    "Disconnect the device before cleaning or maintenance.",
    "Children should not play with the device or its packaging.",
    "The device complies with the applicable regional regulations.",
    "Check the device for visible damage before each use.",
    "If the device behaves unexpectedly, switch it off and contact customer service.",
    "Specifications may change without notice as the product is improved.",
    "The indicator light shows the current operating state of the device.",
    "Dispose of the device according to local rules for electronic waste.",
    "Register your product online to receive news about accessories and updates.",
    "Keep the ventilation openings free from dust and obstructions.",
    "Do not expose the device to direct sunlight for long periods.",
    "The serial number is printed on the label on the underside of the device.",
]
JA_FILLER = [
    "ご使用の前に安全上の注意をよくお読みください。",
    "この取扱説明書は大切に保管してください。",
    "メーカー純正の付属品のみを使用してください。",
    "本体を分解しないでください。内部にお客様が修理できる部品はありません。",
    "お手入れの前には必ず電源を切ってください。",
    "製品の仕様は改良のため予告なく変更することがあります。",
    "異常を感じたときはすぐに使用を中止し、お客様相談窓口にご連絡ください。",
    "直射日光の当たる場所に長時間置かないでください。",
    "表示ランプで現在の運転状態を確認できます。",
    "製造番号は本体底面のラベルに記載されています。",
]


@dataclass(frozen=True)
class Query:
    text: str
    product: str
    value: str  # the fact's value as written in the answer section
    lang: str
    fact: str  # the answer sentence; a passage holding it answers the query


def products(n: int) -> list[str]:
    names = [f"{b} {s}" for s in SERIES for b in BRANDS]
    if n > len(names):
        names += [f"{b} {s} {i}" for i in range(2, 10) for s in SERIES for b in BRANDS]
    return names[:n]


def _section(rng, title, sentence, lo_hi, product, lang, filler, words=100):
    value = str(rng.randint(*lo_hi))
    body = [sentence.format(p=product, v=value)]
    pool = filler[:]
    rng.shuffle(pool)
    size = (lambda t: len(t) // 3) if lang == "ja" else (lambda t: len(t.split()))  # ~3 JA chars per English word
    while sum(size(t) for t in body) < words and pool:
        body.append(pool.pop())
    sep = "" if lang == "ja" else " "
    return f"## {title}\n\n{sep.join(body)}", value, body[0]


def build(n_chunks: int = 10_000, ja_share: float = 0.2, n_queries: int = 300, seed: int = 7):
    """Returns ({file name: markdown}, [Query]); about ``n_chunks`` sections in all."""
    rng = random.Random(seed)
    per_en, per_ja = len(EN_TOPICS), len(JA_TOPICS)
    n_ja = int(n_chunks * ja_share) // per_ja
    n_en = (n_chunks - n_ja * per_ja) // per_en
    names = products(n_en + n_ja)
    files, facts = {}, []
    for i, name in enumerate(names):
        lang = "ja" if i >= n_en else "en"
        topics, filler = (JA_TOPICS, JA_FILLER) if lang == "ja" else (EN_TOPICS, EN_FILLER)
        sections = []
        for title, sentence, lo_hi, question in topics:
            text, value, fact = _section(rng, title, sentence, lo_hi, name, lang, filler)
            sections.append(text)
            facts.append(Query(question.format(p=name), name, value, lang, fact))
        title = f"# {name} 取扱説明書" if lang == "ja" else f"# {name} user manual"
        files[f"{name.replace(' ', '_')}.md"] = title + "\n\n" + "\n\n".join(sections) + "\n"
    en = [f for f in facts if f.lang == "en"]
    ja = [f for f in facts if f.lang == "ja"]
    n_q_ja = int(n_queries * ja_share)
    queries = rng.sample(en, n_queries - n_q_ja) + rng.sample(ja, min(n_q_ja, len(ja)))
    return files, queries
