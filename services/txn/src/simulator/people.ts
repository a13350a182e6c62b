/** Names of many origins, jobs and contact details for simulated customers. */
export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'Wei', 'Mei', 'Hiroshi', 'Yuki',
  'Aarav', 'Priya', 'Mohammed', 'Fatima', 'Oluwaseun', 'Chinwe', 'Santiago', 'Valentina', 'Mateo', 'Camila',
  'Ivan', 'Olga', 'Lukas', 'Anna', 'Sean', 'Siobhan', 'Kwame', 'Ama', 'Nguyen', 'Linh', 'Omar', 'Layla',
  'Diego', 'Sofia', 'Kenji', 'Hana', 'Arjun', 'Ananya', 'Tomasz', 'Zofia', 'Emeka', 'Ngozi', 'Jose', 'Lucia',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Martinez', 'Nguyen', 'Chen', 'Wang', 'Kim', 'Patel',
  'Singh', 'Okafor', 'Adeyemi', 'Mensah', 'Hernandez', 'Lopez', 'Gonzalez', 'Kowalski', 'Novak', 'Ivanova',
  'Murphy', "O'Brien", 'Tanaka', 'Sato', 'Haddad', 'Khan', 'Rahman', 'Silva', 'Santos', 'Schmidt', 'Muller',
  'Rossi', 'Dubois', 'Cohen', 'Abebe', 'Tran', 'Le', 'Park', 'Yamamoto',
] as const;

export const JOBS = [
  'Teacher', 'Nurse', 'Software engineer', 'Accountant', 'Electrician', 'Sales associate', 'Truck driver',
  'Pharmacist', 'Chef', 'Mechanic', 'Architect', 'Paralegal', 'Dental hygienist', 'Retail manager',
  'Civil engineer', 'Graphic designer', 'Police officer', 'Farmer', 'Librarian', 'Data analyst', 'Plumber',
] as const;

export const EMAIL_DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'aol.com', 'proton.me'] as const;

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0',
  'Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36',
] as const;

/** BIN prefixes of the major networks (Visa 4, Mastercard 51-55, Discover 6011). */
export const CARD_BIN_PREFIXES = [4, 4, 4, 51, 52, 53, 54, 55, 6011] as const;

/** Tools fraudsters' scripts present themselves as. */
export const FRAUD_USER_AGENTS = [
  'python-requests/2.32.3',
  'Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36',
  'curl/8.5.0',
  'Mozilla/5.0 (Linux; Android 8.0.0; SM-G930F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0 Mobile Safari/537.36',
] as const;
