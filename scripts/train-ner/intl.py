"""Generated sentences with international names (many scripts), addresses and organisations, for the
NER training set only. Values come from the hand-written pools below, never from Faker (the held-out
PII set is filled by Faker, so training and evaluation values stay apart).

examples(n, seed) -> [(text, [(start, end, type)])] with types PER, ORG, LOC, ADDR.
"""
import random

NAMES = {
    "latin": ["Joaquín Ibarra", "Marta Kowalczyk", "Søren Kierkegaard-Holm", "Anneliese Vogt", "Tiago Gonçalves",
              "Ilse de Vries", "Radu Ionescu", "Kaisa Mäkinen", "Zoltán Farkas", "Ewa Szymańska", "Dagný Jónsdóttir",
              "Mateus Brandão", "Leilani Kahale", "Oluwadamilare Bakare", "Nguyễn Văn An", "Trần Thị Hoa",
              "Lwazi Mthembu", "Émile Gauthier", "Giorgos Papadakis", "Ahmet Öztürk", "Siddharth Venkataraman",
              "Mary-Kate O'Sullivan", "Jean-Baptiste Koné", "Aigerim Nurlanovna", "Bogdan Kravets", "Chioma Eze"],
    "greek": ["Γιώργος Παπαδόπουλος", "Ελένη Κωνσταντίνου", "Νίκος Αντωνίου", "Μαρία Γεωργίου", "Δημήτρης Νικολάου"],
    "cyrillic": ["Иван Петров", "Наталья Соколова", "Олександр Шевченко", "Мария Иванова", "Дмитрий Кузнецов",
                 "Тетяна Коваленко"],
    "arabic": ["محمد العلي", "فاطمة الزهراء", "أحمد حسن", "ليلى منصور", "يوسف خليل"],
    "hebrew": ["דוד כהן", "שרה לוי", "יוסף מזרחי"],
    "cjk": ["王小明", "李娜", "张伟", "陈静", "佐藤健", "鈴木花子", "김민준", "이서연", "박지훈"],
    "indic": ["राहुल शर्मा", "प्रिया पटेल", "অমিত দাস", "சுரேஷ் குமார்"],
    "thai": ["สมชาย ใจดี", "สุดา แก้วมณี"],
}
ORGS = ["Banque Populaire du Nord", "Kreditanstalt Rheinland AG", "Nordisk Finans ASA", "Banco do Sul S.A.",
        "Sakura Trust Bank, Ltd.", "Hanseatic Leasing GmbH", "Crédit Agricole Normandie", "Oceanic Reinsurance plc",
        "Meridian Capital Partners LP", "Cascade Federal Savings", "Three Rivers Title Company", "Koç Holding A.Ş.",
        "Tata Capital Housing Finance", "Standard Bank of South Africa", "Emirates Islamic Bank PJSC",
        "Банк Восток", "中国工商银行", "みずほ銀行", "Grupo Financiero Azteca", "Lakeside Dental Clinic LLC",
        "Pinecrest Elementary School", "Ministry of Finance", "Ashford & Byrne LLP", "Veridian Software Inc.",
        "St. Mary's Hospital", "Redwood Valley Credit Union", "the Federal Reserve Bank of New York"]
PLACES = ["Kuopio", "ROVANIEMI", "Bodø", "BODØ", "JYVÄSKYLÄ", "Hämeenlinna", "TRONDHEIM", "Reykjavík", "Łódź", "São Paulo", "Querétaro", "Thessaloniki",
          "Αθήνα", "Москва", "Київ", "北京", "東京", "서울", "Mumbai", "Lagos", "Nairobi", "Cluj-Napoca", "Gdańsk",
          "Wollongong", "Saskatoon", "Tromsø", "Zürich", "Düsseldorf", "Bilbao", "Cork", "Kraków", "Antwerp",
          "the State of Delaware", "New York", "Texas", "Ontario", "Bavaria", "Puerto Rico", "Hokkaido"]
ADDRESSES = [
    lambda r: f"{r.choice(['Οδός Ερμού', 'Λεωφόρος Αλεξάνδρας', 'Οδός Αιόλου'])} {r.randint(1, 300)}, {r.randint(10000, 19999)} Αθήνα",
    lambda r: f"ул. Тверская, д. {r.randint(1, 40)}, кв. {r.randint(1, 200)}, Москва {r.randint(101000, 129999)}",
    lambda r: f"Unit {r.randint(1000, 9999)} Box {r.randint(1000, 9999)}, DPO AP {r.randint(96200, 96699)}",
    lambda r: f"USNS {r.choice(['Mercy', 'Comfort', 'Brunswick'])}, FPO AE {r.randint(9000, 9999):05d}",
    lambda r: f"PSC {r.randint(1000, 9999)}, Box {r.randint(1000, 9999)}, APO AA {r.randint(34000, 34099)}",
    lambda r: f"Postbox {r.randint(1, 999)}, {r.randint(1000, 9999)} {r.choice(['Oslo', 'Bergen', 'Tromsø'])}",
    lambda r: f"Postfach {r.randint(100, 9999)}, {r.randint(10000, 99999)} {r.choice(['Hamburg', 'Bremen', 'Kiel'])}",
    lambda r: f"P.O. Box {r.randint(1, 9999)}, {r.choice(['Nairobi', 'Accra', 'Kampala'])}",
    lambda r: f"{r.choice(['Rua Augusta', 'Avenida Paulista', 'Rua das Flores'])}, {r.randint(1, 2000)} - {r.randint(10000, 99999)}-{r.randint(100, 999)} São Paulo",
    lambda r: f"{r.choice(['Kirkegata', 'Storgata', 'Strandveien'])} {r.randint(1, 90)}, {r.randint(1000, 9999)} {r.choice(['Molde', 'Oslo', 'BODØ'])}",
    lambda r: f"{r.choice(['Kauppakatu', 'Kalliokatu'])} {r.randint(1, 60)} A {r.randint(1, 30)}, {r.randint(10000, 99999)} {r.choice(['KUOPIO', 'Oulu'])}",
    lambda r: f"ul. {r.choice(['Piotrkowska', 'Długa', 'Floriańska'])} {r.randint(1, 200)}/{r.randint(1, 40)}, {r.randint(10, 99)}-{r.randint(100, 999)} {r.choice(['Łódź', 'Gdańsk', 'Kraków'])}",
    lambda r: f"〒{r.randint(100, 999)}-{r.randint(1000, 9999)} 東京都{r.choice(['渋谷区', '港区', '新宿区'])}{r.randint(1, 9)}-{r.randint(1, 20)}-{r.randint(1, 15)}",
    lambda r: f"{r.choice(['北京市朝阳区建国路', '上海市浦东新区世纪大道'])}{r.randint(1, 999)}号",
    lambda r: f"{r.randint(1, 300)} {r.choice(['Rue de la Loi', 'Boulevard Anspach'])}, {r.randint(1000, 1299)} Bruxelles",
    lambda r: f"Flat {r.randint(1, 80)}, {r.randint(1, 200)} {r.choice(['Harbour Road', 'Queensway'])}, Wan Chai, Hong Kong",
    lambda r: f"{r.randint(1, 9999)} {r.choice(['Yonge St', 'Rue Saint-Denis'])}, {r.choice(['Toronto ON', 'Montréal QC'])} {r.choice('KLMH')}{r.randint(1, 9)}{r.choice('ABCE')} {r.randint(1, 9)}{r.choice('JKLR')}{r.randint(1, 9)}",
]
TEMPLATES = [
    "Dear {PER}, thank you for your application.",
    "{PER} ({PER}) signed the guarantee on behalf of {ORG}.",
    "Please send the originals to {ADDR}.",
    "The borrower, {PER}, resides at {ADDR}.",
    "{ORG}, a corporation organized under the laws of {LOC}, as Lender.",
    "Notices to {ORG} shall be delivered to {ADDR}, Attention: {PER}.",
    "I moved from {LOC} to {LOC} last spring and now work for {ORG}.",
    "Spoke with {PER} at {ORG} about the escrow shortfall.",
    "cc: {PER}; {PER}",
    "Mailing address: {ADDR}",
    "{PER} was born in {LOC} and holds an account with {ORG}.",
    "This Agreement is governed by the laws of {LOC}; the courts of {LOC} have jurisdiction.",
    "Co-applicant {PER} works as a nurse at {ORG} in {LOC}.",
    "From: {PER}\nTo: {PER}\nSubject: appraisal for {ADDR}",
    "Witness: {PER}, {LOC}",
    "{ORG} and {ORG} entered into a participation agreement.",
    "Reference letter from {PER}, branch manager, {ORG}, {LOC}.",
    "The property at {ADDR} is owned jointly by {PER} and {PER}.",
    "{PER} said the transfer to {ORG} went through on Monday.",
    "Signed in {LOC} by {PER}, Director, for and on behalf of {ORG}.",
]


def name(r: random.Random) -> str:
    script = r.choices(list(NAMES), weights=[6, 1, 1, 1, 1, 2, 1, 1])[0]
    full = r.choice(NAMES[script])
    if script == "latin" and r.random() < 0.15:
        full = full.upper()
    return full


FILL = {"PER": name, "ORG": lambda r: r.choice(ORGS), "LOC": lambda r: r.choice(PLACES), "ADDR": lambda r: r.choice(ADDRESSES)(r)}


def examples(n: int, seed: int) -> list[tuple[str, list[tuple[int, int, str]]]]:
    r = random.Random(seed)
    out = []
    for _ in range(n):
        template = r.choice(TEMPLATES)
        text, spans, pos = "", [], 0
        while True:
            i = template.find("{", pos)
            if i < 0:
                text += template[pos:]
                break
            j = template.index("}", i)
            etype = template[i + 1:j]
            text += template[pos:i]
            value = FILL[etype](r)
            spans.append((len(text), len(text) + len(value), etype))
            text += value
            pos = j + 1
        out.append((text, spans))
    return out


if __name__ == "__main__":
    for t, s in examples(8, 1):
        print(repr(t), [t[a:b] + "/" + k for a, b, k in s])
