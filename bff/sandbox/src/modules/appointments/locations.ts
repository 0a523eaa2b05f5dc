// Map positions of the seeded halls (GCJ-02 as WeChat's location API reports it, to about
// 100 m). Kept beside the appointment service rather than in the seed so the seeded hall
// documents, and their digest, stay as they are.
export const HALL_LOCATIONS: Readonly<Record<string, { lat: number; lng: number }>> = {
  'HALL-GZ-01': { lat: 23.1356, lng: 113.3249 },
  'HALL-GZ-02': { lat: 23.1301, lng: 113.3655 },
  'HALL-GZ-03': { lat: 23.1306, lng: 113.2703 },
  'HALL-SZ-01': { lat: 22.5431, lng: 114.0594 },
  'HALL-SZ-02': { lat: 22.5335, lng: 113.9231 },
  'HALL-CQ-01': { lat: 29.6134, lng: 106.5093 },
  'HALL-CQ-02': { lat: 29.5593, lng: 106.4602 },
  'HALL-CD-01': { lat: 30.5728, lng: 104.0525 },
  'HALL-CD-02': { lat: 30.5745, lng: 103.9232 },
  'HALL-BJ-01': { lat: 39.8594, lng: 116.3173 },
  'HALL-BJ-02': { lat: 39.9297, lng: 116.4478 },
};
