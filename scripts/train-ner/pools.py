"""Name, organisation and address pools. Test documents draw from held-out slices of the name pools
so the synthetic test set measures names the model never saw in training."""
import random

FIRST = """James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan
Joseph Jessica Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa Matthew Betty Anthony Margaret Mark Sandra
José María Juan Guadalupe Luis Carmen Carlos Ana Jorge Rosa Alejandro Lucía Javier Sofía Miguel Valentina
Wei Fang Jun Li Xiu Ying Hao Mei Jian Yan Hiroshi Yuki Takeshi Aiko Kenji Sakura Min-jun Seo-yeon Ji-ho Ha-eun
Nguyen Thi Minh Anh Duc Linh Quang Thao Priya Rahul Ananya Arjun Deepika Vikram Lakshmi Sanjay Aisha Fatima
Mohammed Ahmed Omar Layla Yusuf Zainab Hassan Mariam Oluwaseun Chiamaka Kwame Ama Chinedu Ngozi Kofi Abena Tunde
Amara Thabo Naledi Siobhán Seán Niamh Ciarán Aoife Pádraig Ingrid Lars Astrid Sven Freya Björn Jürgen Greta
Klaus Heike François Amélie Étienne Céline Giuseppe Giulia Marco Francesca Dmitri Olga Sergei Natalia Ivan Anastasia
Katarzyna Piotr Agnieszka Tomasz Zeynep Mehmet Elif Mustafa Ayşe Emre Kalani Keanu Leilani Tamar Avi Noa Yosef
Rivka Dorothy Gwendolyn Bartholomew Ezekiel Marisol Esperanza Ignacio Beatriz Rodrigo Joaquim Thiago Larissa""".split()

LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson
Nguyen Tran Pham Le Hoang Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Kim Park Choi Jung Kang Tanaka Suzuki Sato
Takahashi Watanabe Patel Shah Singh Kumar Sharma Gupta Reddy Iyer Chatterjee Banerjee Al-Sayed Haddad Khoury Nasser
Rahman Hussain Abdullah Mansour Okafor Adeyemi Okonkwo Mensah Asante Boateng Nwosu Mbeki Dlamini Ndlovu O'Brien
O'Connor McCarthy Ní_Bhriain Fitzgerald Müller Schmidt Schneider Fischer Weber Becker Hoffmann Dubois Lefèvre
Moreau Laurent Girard Rossi Russo Bianchi Esposito Romano Ivanov Petrov Smirnov Volkov Kowalski Nowak Wiśniewski
Yılmaz Kaya Demir Şahin Kahananui Akana Cohen Levi Mizrahi Friedman Van_der_Berg De_Jong Jansen Andersson Johansson
Nilsson Hansen Larsen Santos Oliveira Pereira Costa Ferreira Da_Silva De_la_Cruz St._James MacDonald""".split()

LAST = [w.replace("_", " ") for w in LAST]

ORG_CORE = """Silicon Valley Bank|First National Bank of Omaha|Wells Fargo Bank, N.A.|JPMorgan Chase Bank|Bank of the West|
Harbor Federal Credit Union|Pacific Coast Mortgage LLC|Great Lakes Lending Corp.|Northwind Traders Inc.|Contoso Ltd.|
Fabrikam Holdings|Acme Logistics Corporation|Blue Ridge Medical Group|Summit Engineering Partners|Riverbend School District|
City of Springfield|Stanford University|Kaiser Permanente|Deutsche Kreditbank AG|Banco Santander, S.A.|BNP Paribas|
ING Bank N.V.|Barclays Bank PLC|UBS Switzerland AG|Toyota Motor North America|Tata Consultancy Services|
Lone Star Roofing Co.|Evergreen Property Management|Golden Gate Capital Partners|Maple Leaf Foods|Desert Sun Solar LLC|
Hudson Valley Dental Associates|Atlas Freight Lines|Bayview Hospital|Cedar Point Insurance Company|Ironwood Construction, Inc.|
Oak Street Bakery|TechNova Systems|Granite State Utilities|Prairie Wind Energy|Coastal Community Bank|Mercy Health|
Internal Revenue Service|Federal Housing Administration|Fannie Mae|Freddie Mac|Equifax|Experian|TransUnion""".replace("\n", "").split("|")

US_CITIES = [("San Francisco", "CA", "941"), ("Austin", "TX", "787"), ("Chicago", "IL", "606"), ("Brooklyn", "NY", "112"),
             ("Miami", "FL", "331"), ("Seattle", "WA", "981"), ("Denver", "CO", "802"), ("Atlanta", "GA", "303"),
             ("Phoenix", "AZ", "850"), ("Boston", "MA", "021"), ("Honolulu", "HI", "968"), ("Omaha", "NE", "681"),
             ("Columbus", "OH", "432"), ("Nashville", "TN", "372"), ("Portland", "OR", "972"), ("Albuquerque", "NM", "871"),
             ("Detroit", "MI", "482"), ("Minneapolis", "MN", "554"), ("Charlotte", "NC", "282"), ("Salt Lake City", "UT", "841")]
STREETS = ["Main", "Oak", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Sunset", "Park", "Pine", "Mission",
           "Martin Luther King Jr.", "El Camino Real", "Peachtree", "Broadway", "Lincoln", "Highland", "Magnolia", "Bayshore"]
SUFFIXES = ["Street", "St.", "Avenue", "Ave", "Road", "Rd.", "Boulevard", "Blvd", "Drive", "Dr", "Lane", "Ln", "Court",
            "Ct", "Way", "Place", "Pl", "Terrace", "Parkway", "Circle"]
FOREIGN = [
    lambda r: f"{r.choice(['Hauptstraße', 'Bahnhofstraße', 'Gartenweg', 'Lindenallee'])} {r.randint(1, 120)}\n{r.randint(10000, 99999)} {r.choice(['Berlin', 'München', 'Hamburg', 'Köln'])}\nGermany",
    lambda r: f"{r.randint(1, 200)} {r.choice(['High Street', 'Church Road', 'Victoria Road', 'Kings Road'])}\n{r.choice(['London', 'Manchester', 'Leeds', 'Bristol'])} {r.choice(['SW1A', 'M1', 'LS2', 'BS1'])} {r.randint(1, 9)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}\nUnited Kingdom",
    lambda r: f"{r.randint(1, 150)} {r.choice(['rue de Rivoli', 'avenue Victor Hugo', 'boulevard Saint-Michel', 'rue du Faubourg'])}\n{r.randint(75001, 75020)} Paris\nFrance",
    lambda r: f"Calle {r.choice(['Mayor', 'de Alcalá', 'Gran Vía', 'Serrano'])} {r.randint(1, 99)}, {r.randint(1, 9)}º {r.choice('ABCD')}\n{r.randint(28001, 28080)} Madrid, España",
    lambda r: f"Av. {r.choice(['Insurgentes Sur', 'Reforma', 'Juárez'])} {r.randint(100, 3000)}, Col. {r.choice(['Roma Norte', 'Condesa', 'Del Valle'])}\n{r.randint(1000, 16999):05d} Ciudad de México, CDMX\nMéxico",
    lambda r: f"{r.randint(1, 999)} {r.choice(['Queen St W', 'Yonge Street', 'Rue Sainte-Catherine'])}\n{r.choice(['Toronto, ON', 'Montréal, QC'])} {r.choice('MHK')}{r.randint(1, 9)}{r.choice('ABCEGH')} {r.randint(1, 9)}{r.choice('JKLMN')}{r.randint(1, 9)}\nCanada",
    lambda r: f"{r.randint(1, 30)}-{r.randint(1, 20)}-{r.randint(1, 15)} {r.choice(['Shibuya', 'Minato-ku', 'Shinjuku'])}\nTokyo {r.randint(100, 199)}-{r.randint(1000, 9999)}\nJapan",
    lambda r: f"Flat {r.randint(1, 40)}, {r.choice(['MG Road', 'Linking Road', 'Brigade Road'])}\n{r.choice(['Bengaluru', 'Mumbai'])} {r.randint(400001, 560100)}\nIndia",
]


def split_pool(pool: list[str], part: str) -> list[str]:
    """Every fifth name is reserved for the test documents."""
    return [n for i, n in enumerate(pool) if (i % 5 == 0) == (part == "test")]


def person(r: random.Random, part: str) -> tuple[str, str, str]:
    first, last = r.choice(split_pool(FIRST, part)), r.choice(split_pool(LAST, part))
    style = r.random()
    if style < 0.55:
        full = f"{first} {last}"
    elif style < 0.7:
        full = f"{first} {r.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
    elif style < 0.82:
        full = f"{last}, {first}"
    elif style < 0.92:
        full = f"{first} {last}".upper()
    else:
        full = f"{r.choice(['Mr.', 'Ms.', 'Mrs.', 'Dr.'])} {first} {last}"
    return first, last, full


def us_address(r: random.Random) -> tuple[str, str]:
    city, st, z3 = r.choice(US_CITIES)
    street = f"{r.randint(1, 99999)} {r.choice(['', 'N ', 'S ', 'E ', 'W '])}{r.choice(STREETS)} {r.choice(SUFFIXES)}"
    if r.random() < 0.3:
        street += f" {r.choice(['Apt', 'Unit', 'Suite', '#'])} {r.randint(1, 999)}"
    zip_code = f"{z3}{r.randint(0, 99):02d}" + (f"-{r.randint(0, 9999):04d}" if r.random() < 0.3 else "")
    sep = r.choice(["\n", ", "])
    return f"{street}{sep}{city}, {st} {zip_code}", city


def address(r: random.Random) -> str:
    if r.random() < 0.75:
        return us_address(r)[0]
    return r.choice(FOREIGN)(r)
