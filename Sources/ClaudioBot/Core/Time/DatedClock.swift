import Foundation

/// A clock that also says what the calendar reads, so rules that follow the calendar (a budget that resets at
/// midnight UTC) move with it. A test clock conforms, and its calendar then advances only when it is moved;
/// `AnyClock` uses the system's date for every other clock.
package protocol DatedClock: Sendable {
    /// The wall-clock date now.
    var date: Date { get }
}
