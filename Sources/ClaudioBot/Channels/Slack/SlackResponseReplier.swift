import Logging

/// Answers a slash command's caller alone, through the command's `response_url` (an ephemeral message): gate,
/// rate-limit and queue replies, `/claudio-new` and `/claudio-status`. It works in channels the bot is not in, and
/// keeps a denied user's attempts out of everyone else's view. Without a `response_url` it falls back to the
/// channel.
struct SlackResponseReplier: ChatReplier {
    let api: SlackWebAPI
    let responseURL: String?
    let channel: SlackReplier
    private let logger = Logger(label: "claudio.slack.replier")

    init(api: SlackWebAPI, responseURL: String?, channel: SlackReplier) {
        self.api = api
        self.responseURL = responseURL
        self.channel = channel
    }

    /// Returns nil: an ephemeral message cannot be edited later.
    @discardableResult
    func send(_ text: String, to address: ChatAddress) async -> PostedMessage? {
        guard let responseURL else { return await channel.send(text, to: address) }
        do {
            try await api.respond(
                to: responseURL,
                SlackMessagePayload(text: SlackMrkdwnRenderer.escaped(text), mrkdwn: false, responseType: "ephemeral"))
        } catch {
            logger.warning("could not answer a slash command in \(address.chatID): \(error)")
        }
        return nil
    }

    func edit(_ message: PostedMessage, text: String) async {
        await channel.edit(message, text: text)
    }

    func deliverAnswer(
        _ markdown: String, to address: ChatAddress, replacing placeholder: PostedMessage?, documentName: String
    ) async {
        await channel.deliverAnswer(markdown, to: address, replacing: placeholder, documentName: documentName)
    }

    func sendFile(_ file: OutgoingFile, to address: ChatAddress) async -> Bool {
        await channel.sendFile(file, to: address)
    }

    func showWorking(in address: ChatAddress) async {}

    /// A `/claudio` job answers where everyone in the channel sees it, with a placeholder that can be edited.
    var replierForJobs: any ChatReplier { channel }
}
