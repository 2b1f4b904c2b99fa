import type { UiKey } from "./zh-CN";

/** UI strings, English. Keys must match zh-CN.ts exactly (tested). */
export const en: Record<UiKey, string> = {
  "site.skip": "Skip to main content",
  "site.menu": "Main navigation",
  "site.home": "Home",
  "nav.notices": "Notices",
  "nav.events": "Events",
  "nav.visit": "Visit",
  "nav.products": "Local products",
  "lang.switch": "中文",
  "lang.switchLabel": "Switch to the Chinese version",
  "lang.name": "English",
  "elder.on": "Larger text",
  "elder.off": "Standard text",
  "elder.label": "Elder-friendly mode: larger text and buttons",
  "footer.authority": "Published by",
  "footer.operator": "Run by",
  "footer.address": "Address",
  "footer.phone": "Telephone",
  "footer.email": "Email",
  "footer.hours": "Office hours",
  "footer.siteCode": "Site identification code",
  "footer.accessibility": "Accessibility statement",
  "footer.openapi": "Open API",
  "home.title": "Home",
  "home.lead": "Public information and rural tourism services of Jinchuan County in one place.",
  "home.audience.heading": "What you can do here",
  "home.audience.residents.title": "Read policy notices",
  "home.audience.residents.body": "Find out what support exists, who qualifies and what has changed.",
  "home.audience.tourists.title": "Join a festival, book a pitch",
  "home.audience.tourists.body":
    "The Pear Blossom Festival in spring, the Pear Picking Festival in autumn, and camping at Gajian Lawn and other sites.",
  "home.audience.farmers.title": "Buy from cooperatives",
  "home.audience.farmers.body":
    "Pear syrup, pear wine, fresh pears, Sichuan pepper and more, sold directly by verified farmers' cooperatives.",
  "home.glance.heading": "The county at a glance",
  "home.glance.intro":
    "Jinchuan lies on both banks of the Dajinchuan River. It is a national key county for rural revitalization, known for its snow pears.",
  "home.contact.heading": "Need help?",
  "home.contact.body": "Call the county government office during office hours and we will answer your question.",
  "a11y.title": "Accessibility statement",
  "a11y.intro":
    "We want everyone to be able to use this website, including older people, people with low vision or limited mobility, and people on slow connections.",
  "a11y.standard.heading": "Standards we follow",
  "a11y.standard.body":
    "The site is built to WCAG 2.2 level AA and China's GB/T 37668-2019 web accessibility standard, and every page is checked with automated tools before each release.",
  "a11y.features.heading": "How you can use this website",
  "a11y.features.elder":
    "Choose “Larger text” at the top of any page for bigger text and buttons with stronger contrast. Your choice is remembered.",
  "a11y.features.keyboard":
    "Everything works with a keyboard alone; the first Tab stop lets you skip straight to the main content.",
  "a11y.features.zoom":
    "Pages can be zoomed to 400% without losing content, and work on phone screens 320 pixels wide.",
  "a11y.features.noscript":
    "Reading notices and events needs no JavaScript; the site loads no third-party fonts, scripts or advertising.",
  "a11y.features.print": "Notices print cleanly: navigation and other page furniture are left out.",
  "a11y.limits.heading": "Known limitations",
  "a11y.limits.body":
    "Some attachments are scanned PDFs that screen readers cannot read. Contact us for an accessible version and we will provide one within 5 working days.",
  "a11y.contact.heading": "Feedback and contact",
  "a11y.contact.body": "If you have difficulty using this website, please tell us:",
  "a11y.updated": "This statement was last updated on",
  "notFound.title": "Page not found",
  "notFound.body": "The page you are looking for does not exist or has moved.",
  "notFound.home": "Go to the home page",
  "visit.lead": "Stay overnight at Jinchuan's campsites: unit types, prices and how many people each takes.",
  "visit.none": "No campsite is taking bookings at the moment.",
  "visit.unitsCaption": "Unit types and prices:",
  "visit.unit": "Unit type",
  "visit.price": "Price per night",
  "visit.guests": "Guests per unit",
  "visit.nights": "Nights",
  "section.soon": "Content for this section is being prepared.",
};
