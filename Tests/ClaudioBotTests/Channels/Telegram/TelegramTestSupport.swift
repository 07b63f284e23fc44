import FakeTelegram
import Shared

@testable import ClaudioBot

/// Quick retries so tests of resending take milliseconds, not seconds.
extension TelegramDeliveryPolicy {
    static let fastForTests = TelegramDeliveryPolicy(
        maxTransientRetries: 3, backoff: RetryBackoff(initial: .milliseconds(20), maximum: .milliseconds(100)),
        maxRateLimitWaits: 3)
}

extension FakeTelegramServer {
    /// A Bot API client of this fake, with its own HTTP client redacting the token.
    func botAPI(policy: TelegramDeliveryPolicy = .fastForTests) -> TelegramBotAPI {
        TelegramBotAPI(token: token, baseURL: baseURL, http: HTTPClient(redacting: [token]), deliveryPolicy: policy)
    }
}
