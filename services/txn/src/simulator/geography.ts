/** US cities the simulated customers live in: state, coordinates, ZIP prefix and phone area code. */
export interface City {
  city: string;
  state: string;
  lat: number;
  lon: number;
  zip: string;
  area: string;
}

export const CITIES: readonly City[] = [
  { city: 'New York', state: 'NY', lat: 40.71, lon: -74.01, zip: '100', area: '212' },
  { city: 'Los Angeles', state: 'CA', lat: 34.05, lon: -118.24, zip: '900', area: '213' },
  { city: 'Chicago', state: 'IL', lat: 41.88, lon: -87.63, zip: '606', area: '312' },
  { city: 'Houston', state: 'TX', lat: 29.76, lon: -95.37, zip: '770', area: '713' },
  { city: 'Phoenix', state: 'AZ', lat: 33.45, lon: -112.07, zip: '850', area: '602' },
  { city: 'Philadelphia', state: 'PA', lat: 39.95, lon: -75.17, zip: '191', area: '215' },
  { city: 'San Antonio', state: 'TX', lat: 29.42, lon: -98.49, zip: '782', area: '210' },
  { city: 'San Diego', state: 'CA', lat: 32.72, lon: -117.16, zip: '921', area: '619' },
  { city: 'Dallas', state: 'TX', lat: 32.78, lon: -96.8, zip: '752', area: '214' },
  { city: 'Austin', state: 'TX', lat: 30.27, lon: -97.74, zip: '787', area: '512' },
  { city: 'Jacksonville', state: 'FL', lat: 30.33, lon: -81.66, zip: '322', area: '904' },
  { city: 'Columbus', state: 'OH', lat: 39.96, lon: -83.0, zip: '432', area: '614' },
  { city: 'Charlotte', state: 'NC', lat: 35.23, lon: -80.84, zip: '282', area: '704' },
  { city: 'Indianapolis', state: 'IN', lat: 39.77, lon: -86.16, zip: '462', area: '317' },
  { city: 'Seattle', state: 'WA', lat: 47.61, lon: -122.33, zip: '981', area: '206' },
  { city: 'Denver', state: 'CO', lat: 39.74, lon: -104.99, zip: '802', area: '303' },
  { city: 'Boston', state: 'MA', lat: 42.36, lon: -71.06, zip: '021', area: '617' },
  { city: 'Nashville', state: 'TN', lat: 36.16, lon: -86.78, zip: '372', area: '615' },
  { city: 'Detroit', state: 'MI', lat: 42.33, lon: -83.05, zip: '482', area: '313' },
  { city: 'Portland', state: 'OR', lat: 45.52, lon: -122.68, zip: '972', area: '503' },
  { city: 'Las Vegas', state: 'NV', lat: 36.17, lon: -115.14, zip: '891', area: '702' },
  { city: 'Memphis', state: 'TN', lat: 35.15, lon: -90.05, zip: '381', area: '901' },
  { city: 'Baltimore', state: 'MD', lat: 39.29, lon: -76.61, zip: '212', area: '410' },
  { city: 'Milwaukee', state: 'WI', lat: 43.04, lon: -87.91, zip: '532', area: '414' },
  { city: 'Albuquerque', state: 'NM', lat: 35.08, lon: -106.65, zip: '871', area: '505' },
  { city: 'Atlanta', state: 'GA', lat: 33.75, lon: -84.39, zip: '303', area: '404' },
  { city: 'Miami', state: 'FL', lat: 25.76, lon: -80.19, zip: '331', area: '305' },
  { city: 'Minneapolis', state: 'MN', lat: 44.98, lon: -93.27, zip: '554', area: '612' },
  { city: 'New Orleans', state: 'LA', lat: 29.95, lon: -90.07, zip: '701', area: '504' },
  { city: 'Salt Lake City', state: 'UT', lat: 40.76, lon: -111.89, zip: '841', area: '801' },
  { city: 'Kansas City', state: 'MO', lat: 39.1, lon: -94.58, zip: '641', area: '816' },
  { city: 'Omaha', state: 'NE', lat: 41.26, lon: -95.93, zip: '681', area: '402' },
  { city: 'Boise', state: 'ID', lat: 43.62, lon: -116.2, zip: '837', area: '208' },
  { city: 'Anchorage', state: 'AK', lat: 61.22, lon: -149.9, zip: '995', area: '907' },
  { city: 'Honolulu', state: 'HI', lat: 21.31, lon: -157.86, zip: '968', area: '808' },
  { city: 'Burlington', state: 'VT', lat: 44.48, lon: -73.21, zip: '054', area: '802' },
];

export const STREET_NAMES = [
  'Main', 'Oak', 'Maple', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Pine', 'Sunset', 'Lincoln',
  'Jackson', 'Highland', 'Church', 'River', 'Mill', 'Spring', 'Chestnut', 'Willow', 'Dogwood', 'Magnolia',
] as const;
export const STREET_SUFFIXES = ['St', 'Ave', 'Rd', 'Blvd', 'Ln', 'Dr', 'Ct', 'Way', 'Pl'] as const;
