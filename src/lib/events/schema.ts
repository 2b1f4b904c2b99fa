/** The event front-matter schema lives with the dashboard's event editor, which checks its editions with it. */
export * from "../../../functions/events/event-fields";
