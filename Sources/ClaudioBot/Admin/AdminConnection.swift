import HummingbirdCore
import NIOCore

/// One accepted admin connection after its checks: the HTTP/1.1 channel, and whether its peer is a job's process
/// (then every request gets the refusal instead of an answer).
struct AdminConnection: ServerChildChannelValue {
    let http: HTTP1Channel.Value
    let isJobPeer: Bool

    var channel: any Channel { http.channel }
}
