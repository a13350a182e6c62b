"""Generators of valid-looking PII values (valid checksums) in many surface formats.

Every value is synthetic: SSNs, cards, routing numbers and IBANs are drawn at random and then made
checksum-valid, so the recognizers' validators accept them; none is a real person's.
"""
import random
import string


def luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    digits = f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
    return sep_groups(digits, [3, 2, 4], rng, seps=["-", "-", "-", " ", ""])


def itin(rng: random.Random) -> str:
    middle = rng.choice(list(range(50, 66)) + list(range(70, 89)) + [90, 91, 92] + list(range(94, 100)))
    digits = f"9{rng.randint(0, 99):02d}{middle:02d}{rng.randint(0, 9999):04d}"
    return sep_groups(digits, [3, 2, 4], rng, seps=["-", "-", " ", ""])


def card(rng: random.Random) -> str:
    kind = rng.choice(["visa", "mc", "amex", "disc"])
    if kind == "amex":
        n = luhn_complete(rng.choice(["34", "37"]), 15, rng)
        return sep_groups(n, [4, 6, 5], rng, seps=[" ", "-", ""])
    prefix = {"visa": "4", "mc": rng.choice(["51", "53", "55", "2221"]), "disc": "6011"}[kind]
    n = luhn_complete(prefix, 16, rng)
    return sep_groups(n, [4, 4, 4, 4], rng, seps=[" ", "-", ""])


def routing(rng: random.Random) -> str:
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        d[0] = rng.choice([0, 1, 2, 3])
        s = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
        check = (10 - s % 10) % 10
        # the check digit must satisfy 3a+7b+c over all nine digits
        if (s + check) % 10 == 0:
            return "".join(map(str, d)) + str(check)


IBAN_LAYOUTS = {"DE": 18, "GB": 18, "FR": 23, "ES": 20, "NL": 14, "IT": 23, "CH": 17}


def iban(rng: random.Random) -> str:
    country = rng.choice(list(IBAN_LAYOUTS))
    n = IBAN_LAYOUTS[country]
    if country in ("GB", "NL"):
        bban = "".join(rng.choice(string.ascii_uppercase) for _ in range(4)) + "".join(rng.choice(string.digits) for _ in range(n - 4))
    elif country == "IT":
        bban = rng.choice(string.ascii_uppercase) + "".join(rng.choice(string.digits) for _ in range(n - 1))
    else:
        bban = "".join(rng.choice(string.digits) for _ in range(n))
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    raw = f"{country}{check:02d}{bban}"
    if rng.random() < 0.5:
        return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))
    return raw


def account(rng: random.Random) -> str:
    n = "".join(rng.choice(string.digits) for _ in range(rng.randint(8, 14)))
    return n if rng.random() < 0.7 else sep_groups(n, [4, len(n) - 4], rng, seps=["-", " "])


def phone(rng: random.Random) -> str:
    a, b, c = rng.randint(201, 989), rng.randint(200, 999), rng.randint(0, 9999)
    fmt = rng.choice([
        f"({a}) {b}-{c:04d}", f"{a}-{b}-{c:04d}", f"{a}.{b}.{c:04d}", f"+1 {a} {b} {c:04d}",
        f"{a}{b}{c:04d}", f"+44 20 {rng.randint(7000, 8999)} {rng.randint(1000, 9999)}",
        f"+49 30 {rng.randint(100000, 999999)}{rng.randint(0, 99):02d}", f"1-{a}-{b}-{c:04d}",
    ])
    return fmt


def email(first: str, last: str, rng: random.Random) -> str:
    clean = lambda s: "".join(ch for ch in s.lower() if ch.isascii() and ch.isalnum())
    user = rng.choice([f"{clean(first)}.{clean(last)}", f"{clean(first)[0]}{clean(last)}", f"{clean(last)}{rng.randint(1, 99)}"])
    return f"{user}@{rng.choice(['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'example-mail.net', 'fastmail.fm'])}"


def ip(rng: random.Random) -> str:
    if rng.random() < 0.85:
        return ".".join(str(rng.randint(1, 254)) for _ in range(4))
    return ":".join(f"{rng.randint(0, 0xFFFF):x}" for _ in range(8))


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def date(rng: random.Random, year_lo: int = 1940, year_hi: int = 2004) -> str:
    y, m, d = rng.randint(year_lo, year_hi), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{MONTHS[m - 1]} {d}, {y}",
                       f"{d} {MONTHS[m - 1][:3]} {y}", f"{m:02d}-{d:02d}-{y}"])


def driver_license(rng: random.Random) -> str:
    L = rng.choice(string.ascii_uppercase)
    return rng.choice([
        f"{L}{rng.randint(1000000, 9999999)}",  # CA
        f"{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}",  # NY
        f"{L}{rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(100, 999)}-{rng.randint(0, 9)}",  # FL
        f"{rng.randint(10000000, 99999999)}",  # TX
        f"{L}{rng.randint(100000000000, 999999999999)}",  # IL-like
    ])


def passport(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(100000000, 999999999)}", f"{rng.choice(string.ascii_uppercase)}{rng.randint(10000000, 99999999)}"])


def sep_groups(digits: str, sizes: list[int], rng: random.Random, seps: list[str]) -> str:
    sep = rng.choice(seps)
    out, i = [], 0
    for s in sizes:
        out.append(digits[i:i + s])
        i += s
    return sep.join(out)
