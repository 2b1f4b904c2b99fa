/** Field paths of PickupPointFields.astro (and the id) and their control ids, for the forms' error summaries. */
export const PICKUP_FIELD_IDS: Record<string, string> = {
  id: "pp-id",
  nameZh: "pp-nameZh",
  nameEn: "pp-nameEn",
  addressZh: "pp-addressZh",
  addressEn: "pp-addressEn",
  hoursZh: "pp-hoursZh",
  hoursEn: "pp-hoursEn",
  days: "pp-day-1",
  phone: "pp-phone",
  cooperative: "pp-cooperative",
  sortOrder: "pp-sort",
};
