//! Month and weekday names in English, lower-case: shared by every stage that reads
//! dates or has to tell a date word from a name.

/// The months, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The weekdays, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// True when `lower` is a full month name.
pub fn is_month(lower: &str) -> bool {
    MONTHS.contains(&lower)
}

/// True when `lower` is a full weekday name.
pub fn is_weekday(lower: &str) -> bool {
    WEEKDAYS.contains(&lower)
}
