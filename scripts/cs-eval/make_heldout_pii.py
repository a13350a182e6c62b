"""Builds the held-out PII set: Presidio's own evaluation templates (presidio-evaluator 0.3.2, MIT,
services/cs/training/heldout/presidio-templates.txt) filled with Faker values from 16 locales.
Neither the templates nor Faker's values are used by our training data or recognizers, so this set
measures text and values we did not write. Run once; the output is committed:

  python scripts/cs-eval/make_heldout_pii.py [--n 1200] [--seed 2024]

Writes services/cs/training/heldout/pii-mixed.jsonl: {id, source, locale, text, spans:[{type,start,end}]}.
"""
import argparse
import json
import random
import re

from faker import Faker

HELDOUT = "services/cs/training/heldout"
LOCALES = ["en_US", "en_US", "en_US", "en_GB", "en_CA", "en_AU", "en_IN", "de_DE", "de_CH", "fr_FR", "es_ES", "it_IT", "nl_NL",
           "pt_BR", "el_GR", "ru_RU", "fi_FI", "no_NO", "ja_JP", "zh_CN"]
DATE_FORMATS = ["%m/%d/%Y", "%d.%m.%Y", "%Y-%m-%d", "%B %d, %Y", "%d %B %Y", "%d/%m/%Y"]



# placeholder -> (gold type, value). Types: PII types are scored; LOCATION/ORGANIZATION/IGNORE are not.
def value_for(key: str, f: Faker, us: Faker, r: random.Random, locale: str):
    try:
        if key in ("person", "name"):
            return "PERSON", f.name()
        if key in ("name_female", "name_male"):
            return "PERSON", getattr(f, key)()
        if key.startswith("first_name") or key.startswith("last_name"):
            return "PERSON", getattr(f, key)()
        if key.startswith("prefix"):
            return "IGNORE", getattr(f, key)()
        if key == "address":
            return "ADDRESS", re.sub(r"\s*\n\s*", ", ", f.address())
        if key in ("street_name", "building_number", "secondary_address"):
            return "ADDRESS", getattr(f, key)()
        if key in ("postcode", "zipcode"):
            return "POSTAL_CODE", f.postcode()
        if key in ("city", "country", "state_abbr"):
            return "LOCATION", getattr(f, key)() if key != "state_abbr" else us.state_abbr()
        if key == "organization":
            return "ORGANIZATION", f.company()
        if key == "credit_card_number":
            return "CREDIT_CARD", f.credit_card_number()
        if key == "phone_number":
            return "PHONE", f.phone_number()
        if key == "email":
            return "EMAIL", f.email()
        if key == "ip_address":
            return "IP_ADDRESS", f.ipv4() if r.random() < 0.7 else f.ipv6()
        if key == "iban":
            return "IBAN", f.iban()
        if key == "ssn":
            return ("US_SSN" if locale == "en_US" else "NATIONAL_ID"), f.ssn()
        if key == "us_driver_license":
            return "DRIVER_LICENSE", us.bothify(r.choice(["?#######", "#########", "?###-###-##-###-#", "??#####"])).upper()
        if key == "date_of_birth":
            return "DATE_OF_BIRTH", f.date_of_birth(minimum_age=18, maximum_age=90).strftime(r.choice(DATE_FORMATS))
        if key == "age":
            return "AGE", str(r.randint(18, 95))
        if key == "url":
            return "IGNORE", f.url()
        if key in ("year", "date_time", "day_of_week", "job", "nationality", "nation_woman", "nation_plural"):
            value = {"year": lambda: f.year(), "date_time": lambda: f.date_time().strftime("%Y-%m-%d %H:%M"),
                     "day_of_week": lambda: f.day_of_week(), "job": lambda: f.job(),
                     "nationality": lambda: r.choice(["French", "Kenyan", "Brazilian", "Japanese", "Greek"]),
                     "nation_woman": lambda: r.choice(["Frenchwoman", "Englishwoman", "Irishwoman"]),
                     "nation_plural": lambda: r.choice(["Germans", "Italians", "Americans"])}[key]()
            return "IGNORE", value
    except AttributeError:
        return value_for(key, us, us, r, "en_US")
    return None


def fill(template: str, f: Faker, us: Faker, r: random.Random, locale: str):
    text, spans, pos = "", [], 0
    template = template.replace("\\n", "\n")  # the template file writes line breaks as \n
    for m in re.finditer(r"{{([a-z_]+)}}", template):
        got = value_for(m.group(1), f, us, r, locale)
        if got is None:
            return None
        etype, value = got
        text += template[pos:m.start()]
        spans.append({"type": etype, "start": len(text), "end": len(text) + len(value)})
        text += value
        pos = m.end()
    return text + template[pos:], spans


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1200)
    ap.add_argument("--seed", type=int, default=2024)
    a = ap.parse_args()
    r = random.Random(a.seed)
    Faker.seed(a.seed)
    fakers = {loc: Faker(loc) for loc in set(LOCALES)}
    us = fakers["en_US"]
    templates = [t.strip() for t in open(f"{HELDOUT}/presidio-templates.txt", encoding="utf-8") if t.strip()]
    rows = []
    while len(rows) < a.n:
        locale = r.choice(LOCALES)
        got = fill(r.choice(templates), fakers[locale], us, r, locale)
        if got:
            rows.append({"id": f"pii-{len(rows):05d}", "source": "presidio-templates+faker", "locale": locale, "text": got[0], "spans": got[1]})
    with open(f"{HELDOUT}/pii-mixed.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows")


if __name__ == "__main__":
    main()
