/// The `payload` of an `events_api` envelope: the event and the IDs that identify it across redeliveries.
struct SlackEventCallback: Decodable, Sendable {
    /// Unique per event, and the same in every redelivery of it.
    var eventID: String?
    /// When the event happened, in Unix seconds.
    var eventTime: Int?
    /// The workspace the event was delivered for.
    var teamID: String?
    var event: SlackEvent

    enum CodingKeys: String, CodingKey {
        case event
        case eventID = "event_id"
        case eventTime = "event_time"
        case teamID = "team_id"
    }
}
