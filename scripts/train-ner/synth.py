"""Synthetic loan documents with labelled, injected PII.

Writes JSON Lines {id, kind, has_pii, pages: [str], entities: [{type, page, start, end}]} where
start/end are character offsets into pages[page-1]. Four document families carry PII (applications,
pay stubs, bank statements, credit memos); three carry none (rate sheets, policy memos, program
guides) but still mention organisations, places, role words and numbers that look like identifiers.

Usage: python synth.py --out DIR [--train 1200] [--test 300] [--seed 13]
"""
import argparse
import json
import os
import random

import pii_values as pv
import pools


class Doc:
    """Accumulates pages of text and the character spans of the values injected into them."""

    def __init__(self, r: random.Random, part: str):
        self.r, self.part = r, part
        self.pages: list[str] = [""]
        self.entities: list[dict] = []

    def t(self, text: str) -> "Doc":
        self.pages[-1] += text
        return self

    def e(self, etype: str, value: str) -> "Doc":
        start = len(self.pages[-1])
        self.pages[-1] += value
        self.entities.append({"type": etype, "page": len(self.pages), "start": start, "end": start + len(value)})
        return self

    def page_break(self) -> None:
        self.pages.append("")

    def header(self, text: str) -> None:
        r = self.r
        self.t(text.upper() if r.random() < 0.6 else text.title()).t("\n" * r.choice([1, 2]))

    def field(self, label: str, etype: str | None, value: str) -> None:
        """A labelled value in one of three layouts: inline, label above value, or padded columns."""
        r = self.r
        style = r.random()
        if style < 0.5:
            self.t(f"{label}{r.choice([': ', ':  ', ' - ', ': '])}")
        elif style < 0.75:
            self.t(f"{label}\n")
        else:
            self.t(f"{label.upper()}".ljust(r.randint(24, 34)))
        (self.e(etype, value) if etype else self.t(value)).t("\n")


def person_block(d: Doc, role: str) -> tuple[str, str]:
    r = d.r
    first, last, full = pools.person(r, d.part)
    d.field(f"{role} Name", "PERSON", full)
    if r.random() < 0.8:
        d.field(r.choice(["Social Security Number", "SSN", "Soc. Sec. No.", "Taxpayer ID (SSN)"]), "US_SSN", pv.ssn(r))
    elif r.random() < 0.5:
        d.field(r.choice(["ITIN", "Individual Taxpayer Identification Number"]), "US_ITIN", pv.itin(r))
    if r.random() < 0.8:
        d.field(r.choice(["Date of Birth", "DOB", "Birth Date", "Born"]), "DATE_OF_BIRTH", pv.date(r))
    if r.random() < 0.8:
        d.field(r.choice(["Home Phone", "Cell Phone", "Phone", "Telephone", "Mobile"]), "PHONE", pv.phone(r))
    if r.random() < 0.7:
        d.field(r.choice(["Email", "E-mail Address", "Email Address"]), "EMAIL", pv.email(first, last, r))
    d.field(r.choice(["Current Address", "Present Address", "Residence", "Mailing Address", "Address"]), "ADDRESS", pools.address(r))
    if r.random() < 0.5:
        d.field(r.choice(["Driver's License No.", "Driver License #", "DL Number", "Drivers Licence"]), "US_DRIVER_LICENSE", pv.driver_license(r))
    if r.random() < 0.3:
        d.field(r.choice(["Passport Number", "Passport No.", "U.S. Passport #"]), "US_PASSPORT", pv.passport(r))
    return first, last


def org(d: Doc) -> str:
    return d.r.choice(pools.ORG_CORE)


def application(d: Doc) -> None:
    r = d.r
    d.header(r.choice(["Uniform Residential Loan Application", "Personal Loan Application", "Small Business Loan Application",
                       "Auto Loan Credit Application", "Home Equity Line of Credit Application"]))
    d.t(f"Lender: ").e("ORGANIZATION", org(d)).t(f"   Loan No. {r.randint(10**7, 10**8 - 1)}\n\n")
    d.header("Section 1: Borrower Information")
    person_block(d, "Borrower")
    d.field("Employer", "ORGANIZATION", org(d))
    d.field("Employer Address", "ADDRESS", pools.address(r))
    d.t(f"Years on job: {r.randint(0, 30)}   Gross monthly income: ${r.randint(2000, 25000):,}.00\n\n")
    if r.random() < 0.5:
        d.page_break()
        d.header("Co-Borrower Information")
        person_block(d, "Co-Borrower")
    d.page_break()
    d.header("Section 2: Assets and Liabilities")
    d.t("Account Type".ljust(18) + "Institution".ljust(34) + "Account Number".ljust(22) + "Balance\n")
    for _ in range(r.randint(1, 4)):
        d.t(r.choice(["Checking", "Savings", "Brokerage", "Retirement"]).ljust(18))
        inst = org(d)
        d.e("ORGANIZATION", inst).t(" " * max(2, 34 - len(inst)))
        acct = pv.account(r)
        d.e("BANK_ACCOUNT", acct).t(" " * max(2, 22 - len(acct))).t(f"${r.randint(100, 900000):,}.{r.randint(0, 99):02d}\n")
    if r.random() < 0.6:
        d.t("\nFor direct deposit of loan proceeds, ABA routing number ").e("ABA_ROUTING", pv.routing(r)).t(
            ", account no. ").e("BANK_ACCOUNT", pv.account(r)).t(".\n")
    if r.random() < 0.4:
        d.t("Credit card on file: ").e("CREDIT_CARD", pv.card(r)).t(f"  exp {r.randint(1, 12):02d}/{r.randint(26, 31)}\n")
    d.t("\nI certify that the information provided in this application is true and correct.\n")
    d.t("Signature of Borrower: ______________    Date: ").t(pv.date(r, 2023, 2026)).t("\n")
    if r.random() < 0.4:
        d.t("Application submitted online from IP address ").e("IP_ADDRESS", pv.ip(r)).t(".\n")


def paystub(d: Doc) -> None:
    r = d.r
    employer = org(d)
    d.e("ORGANIZATION", employer).t("\n").e("ADDRESS", pools.address(r)).t("\n\n")
    d.header(r.choice(["Earnings Statement", "Pay Stub", "Statement of Earnings and Deductions"]))
    first, last, full = pools.person(r, d.part)
    d.t("Employee: ").e("PERSON", full).t(f"    Employee ID: {r.randint(10000, 99999)}\n")
    if r.random() < 0.6:
        d.t("SSN: ").e("US_SSN", pv.ssn(r)).t("\n")
    else:
        d.t(f"SSN: XXX-XX-{r.randint(1000, 9999)}\n")
    d.t("Pay Period: ").t(pv.date(r, 2024, 2026)).t(" - ").t(pv.date(r, 2024, 2026)).t("\n\n")
    d.t("Earnings".ljust(20) + "Rate".ljust(10) + "Hours".ljust(8) + "Current".ljust(12) + "YTD\n")
    for item in r.sample(["Regular", "Overtime", "Holiday", "Bonus", "Commission"], r.randint(1, 4)):
        d.t(item.ljust(20) + f"{r.uniform(15, 90):.2f}".ljust(10) + f"{r.randint(1, 80)}".ljust(8)
            + f"{r.uniform(100, 5000):,.2f}".ljust(12) + f"{r.uniform(1000, 90000):,.2f}\n")
    d.t("\nDeductions: Federal Income Tax, Social Security, Medicare, State Tax\n")
    d.t("Net Pay deposited to account ").e("BANK_ACCOUNT", pv.account(r)).t(" routing ").e("ABA_ROUTING", pv.routing(r)).t("\n")


def statement(d: Doc) -> None:
    r = d.r
    bank = org(d)
    d.e("ORGANIZATION", bank).t("\n")
    d.header(r.choice(["Account Statement", "Monthly Statement", "Checking Account Statement"]))
    first, last, full = pools.person(r, d.part)
    d.e("PERSON", full).t("\n").e("ADDRESS", pools.address(r)).t("\n\n")
    d.t("Account Number: ").e("BANK_ACCOUNT", pv.account(r)).t("\n")
    if r.random() < 0.4:
        d.t("IBAN: ").e("IBAN", pv.iban(r)).t("\n")
    d.t(f"Statement period: {pv.date(r, 2025, 2026)} to {pv.date(r, 2025, 2026)}\n\n")
    for page in range(r.randint(1, 3)):
        if page:
            d.page_break()
            d.t(f"Page {page + 1}\n")
        d.t("Date".ljust(12) + "Description".ljust(40) + "Amount\n")
        for _ in range(r.randint(5, 14)):
            desc = r.choice(["POS PURCHASE ", "ACH DEBIT ", "ONLINE TRANSFER TO ", "DEPOSIT ", "CHECK #" + str(r.randint(100, 9999)) + " "])
            d.t(f"{r.randint(1, 12):02d}/{r.randint(1, 28):02d}".ljust(12) + desc)
            if r.random() < 0.6:
                o = org(d)
                d.e("ORGANIZATION", o).t(" " * max(2, 40 - len(desc) - len(o)))
            else:
                d.t(" " * max(2, 40 - len(desc)))
            d.t(f"{r.choice(['-', ''])}{r.uniform(3, 4000):,.2f}\n")
    if r.random() < 0.3:
        d.t("\nLinked debit card ").e("CREDIT_CARD", pv.card(r)).t("\n")
    if r.random() < 0.3:
        d.t("Last online login from ").e("IP_ADDRESS", pv.ip(r)).t("\n")
    d.t(f"\nQuestions? Call customer service at 1-800-{r.randint(200, 999)}-{r.randint(1000, 9999)}.\n")


def memo(d: Doc) -> None:
    r = d.r
    d.header(r.choice(["Credit Memorandum", "Credit Approval Memo", "Underwriting Summary"]))
    first, last, full = pools.person(r, d.part)
    loc_city = r.choice(pools.US_CITIES)[0]
    d.t("Prepared by ").e("PERSON", pools.person(r, d.part)[2]).t(f", Senior Credit Officer, ").e("ORGANIZATION", org(d)).t("\n\n")
    d.t("The Borrower, ").e("PERSON", full).t(", a resident of ").e("LOCATION", loc_city).t(", has requested a term loan of $")
    d.t(f"{r.randint(10, 900) * 1000:,} to refinance existing debt with ").e("ORGANIZATION", org(d)).t(". ")
    d.t(f"{r.choice(['Mr.', 'Ms.', 'The applicant'])} {last if r.random() < 0.5 else ''} has been employed by ".replace("  ", " "))
    d.e("ORGANIZATION", org(d)).t(f" for {r.randint(1, 25)} years.\n")
    if r.random() < 0.5:
        d.t("Borrower SSN ").e("US_SSN", pv.ssn(r)).t(" was verified against the bureau report from ").e("ORGANIZATION", r.choice(["Equifax", "Experian", "TransUnion"])).t(".\n")
    if r.random() < 0.4:
        d.t("As a foreign national, the applicant provided passport no. ").e("US_PASSPORT", pv.passport(r)).t(" and ITIN ").e("US_ITIN", pv.itin(r)).t(".\n")
    if r.random() < 0.5:
        d.t("The guarantor, ").e("PERSON", pools.person(r, d.part)[2]).t(", can be reached at ").e("PHONE", pv.phone(r)).t(" or ").e("EMAIL", pv.email(first, last, r)).t(".\n")
    d.t(f"\nRecommendation: approve at {r.uniform(4, 12):.3f}% fixed, {r.choice([36, 60, 84, 120])} months, DSCR {r.uniform(1.1, 2.5):.2f}x.\n")
    d.t("Collateral: first lien on the property at ").e("ADDRESS", pools.address(r)).t(".\n")


def clean_doc(d: Doc) -> None:
    """Documents with no personal data: organisations, places, role words and non-PII numbers only."""
    r = d.r
    kind = r.choice(["rates", "policy", "guide"])
    if kind == "rates":
        d.e("ORGANIZATION", org(d)).t("\n")
        d.header(r.choice(["Rate Sheet", "Daily Pricing", "Consumer Loan Rates"]))
        d.t(f"Effective {pv.date(r, 2025, 2026)} - rates subject to change without notice\n\n")
        d.t("Product".ljust(28) + "Term".ljust(10) + "Rate".ljust(10) + "APR\n")
        for p in r.sample(["30-Year Fixed", "15-Year Fixed", "5/1 ARM", "Auto New", "Auto Used", "Personal Unsecured", "HELOC"], 4):
            rate = r.uniform(3, 14)
            d.t(p.ljust(28) + f"{r.choice([36, 60, 180, 360])} mo".ljust(10) + f"{rate:.3f}%".ljust(10) + f"{rate + 0.2:.3f}%\n")
        d.t(f"\nNMLS ID {r.randint(100000, 999999)}. Program code {r.randint(1000, 9999)}-{r.randint(10, 99)}.\n")
    elif kind == "policy":
        d.header(r.choice(["Credit Policy Memorandum", "Underwriting Guidelines Update", "Compliance Bulletin"]))
        d.t("Issued by the Credit Risk Committee of ").e("ORGANIZATION", org(d)).t(".\n\n")
        d.t(f"Effective immediately, the maximum debt-to-income ratio for unsecured loans is {r.randint(36, 50)}%. "
            "The Borrower must provide two years of tax returns. The Lender shall verify employment within 10 days "
            f"of closing. Loans above ${r.randint(1, 9) * 100000:,} require approval by the Regional Credit Officer in ")
        d.e("LOCATION", r.choice(pools.US_CITIES)[0]).t(".\n")
        d.t(f"Reference: Policy {r.randint(100, 999)}.{r.randint(1, 20)}, revision {r.randint(2, 9)}. Total exposure limit ${r.randint(10, 900)},000,000.\n")
    else:
        d.header(r.choice(["Loan Program Guide", "Product Overview", "Frequently Asked Questions"]))
        d.t("This guide describes the home purchase program offered with ").e("ORGANIZATION", org(d)).t(" in ")
        d.e("LOCATION", r.choice(["California", "Texas", "New York", "Florida", "the Pacific Northwest", "Ontario"])).t(". ")
        d.t("Applicants may finance up to 97% of the purchase price. Mortgage insurance is required when the "
            "loan-to-value ratio exceeds 80%. The Guarantor and the Borrower are jointly liable.\n\n")
        d.t(f"Form {r.randint(1000, 9999)} (rev. {r.randint(1, 12)}/{r.randint(2019, 2026)}). Call 1-800-{r.randint(200, 999)}-{r.randint(1000, 9999)} for branch hours.\n")
    if r.random() < 0.5:
        d.page_break()
        d.header("Disclosures")
        d.t("Equal Housing Lender. Member FDIC. This is not a commitment to lend. All loans subject to credit approval.\n")


STATES = ["Delaware", "California", "New York", "Texas", "Nevada", "Illinois", "Florida", "Massachusetts", "Washington",
          "Georgia", "Ohio", "Colorado", "Minnesota", "Maryland", "Virginia", "New Jersey", "Pennsylvania", "Arizona"]
JURISDICTIONS = STATES + ["England and Wales", "the Cayman Islands", "the People's Republic of China", "Hong Kong", "Ontario", "Bermuda"]


def agreement(d: Doc) -> None:
    """Loan-agreement prose in the style of SEC filings: parties, jurisdictions, notices, signatures."""
    r = d.r
    borrower, lender = org(d), org(d)
    d.header(r.choice(["Loan and Security Agreement", "Credit Agreement", "Promissory Note", "Guaranty Agreement"]))
    d.t(f"THIS AGREEMENT is entered into as of {pv.date(r, 2015, 2026)}, by and between ").e("ORGANIZATION", borrower).t(", a ")
    d.e("LOCATION", r.choice(JURISDICTIONS)).t(f" {r.choice(['corporation', 'limited liability company', 'limited partnership'])} (\"Borrower\"), and ")
    d.e("ORGANIZATION", lender).t(f", a {r.choice(['national banking association', 'state-chartered bank', 'company'])} (\"Lender\").\n\n")
    d.t("1. LOAN. Subject to the terms of this Agreement, Lender agrees to make advances to Borrower not exceeding $")
    d.t(f"{r.randint(1, 90) * 100000:,}. Borrower shall maintain its principal place of business in ").e("LOCATION", r.choice(pools.US_CITIES)[0]).t(", ")
    d.e("LOCATION", r.choice(STATES)).t(".\n")
    d.t("2. GOVERNING LAW. This Agreement shall be governed by the laws of the State of ").e("LOCATION", r.choice(STATES)).t(
        ". Each party submits to the jurisdiction of the courts located in ").e("LOCATION", r.choice(pools.US_CITIES)[0]).t(".\n")
    if r.random() < 0.6:
        first, last, full = pools.person(r, d.part)
        d.t("3. NOTICES. Notices to Borrower shall be sent to ").e("ORGANIZATION", borrower).t(", ").e("ADDRESS", pools.us_address(r)[0].replace("\n", ", "))
        d.t(", Attention: ").e("PERSON", f"{first} {last}").t(f", {r.choice(['Chief Financial Officer', 'President', 'General Counsel'])}.\n")
    d.t("\nIN WITNESS WHEREOF, the parties have executed this Agreement.\n")
    for party in (borrower, lender):
        d.e("ORGANIZATION", party.upper() if r.random() < 0.5 else party).t("\nBy: ")
        if r.random() < 0.7:
            d.e("PERSON", pools.person(r, d.part)[2]).t(f"\nTitle: {r.choice(['President', 'Vice President', 'Secretary', 'Managing Director'])}\n")
        else:
            d.t("______________________\nTitle: Authorized Signatory\n")


FAMILIES = {"application": application, "paystub": paystub, "statement": statement, "memo": memo}


def make(r: random.Random, part: str, idx: int, extra: random.Random | None = None) -> dict:
    d = Doc(r, part)
    # agreements are drawn from a separate generator (training only) so the test stream stays as it was
    if extra is not None and extra.random() < 0.15:
        kind = "agreement"
        agreement(d)
    elif r.random() < 0.25:
        kind = "clean"
        clean_doc(d)
    else:
        kind = r.choice(list(FAMILIES))
        FAMILIES[kind](d)
    pii_types = {e["type"] for e in d.entities} - {"ORGANIZATION", "LOCATION"}
    return {"id": f"{part}-{idx:05d}", "kind": kind, "has_pii": bool(pii_types), "pages": d.pages, "entities": d.entities}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--train", type=int, default=1200)
    ap.add_argument("--test", type=int, default=300)
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for part, n, seed in (("train", a.train, a.seed), ("test", a.test, a.seed + 1000)):
        r = random.Random(seed)
        extra = random.Random(seed + 7) if part == "train" else None
        with open(os.path.join(a.out, f"{part}.jsonl"), "w", encoding="utf-8") as f:
            for i in range(n):
                f.write(json.dumps(make(r, part, i, extra), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
