import ClaudioBot

/// Code that follows the calendar (a daily budget's midnight) reads the test clock's ``TestClock/date``, so moving
/// the clock moves the calendar.
extension TestClock: DatedClock {}
