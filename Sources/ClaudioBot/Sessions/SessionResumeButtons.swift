import Shared

/// `/sessions` with a Resume button per conversation (SPEC §16): a press by the user who asked makes their next prompt
/// continue that conversation, and the list is redrawn with the mark on it. Only the latest lists are kept; a button
/// of an older one is answered as out of date.
actor SessionResumeButtons: ButtonPressHandler {
    private struct Offer {
        var key: SessionKey
        var user: ChatUser
        var conversations: [ConversationSummary]
        var tokens: [String]
        var replier: any ChatReplier
        var message: PostedMessage?
    }

    /// Lists kept, across all chats, before the oldest one's buttons stop working.
    static let keptOffers = 200

    private let sessions: any SessionStore
    private var offers: [String: Offer] = [:]
    private var order: [String] = []
    private var owners: [String: (offer: String, index: Int)] = [:]

    init(sessions: any SessionStore) {
        self.sessions = sessions
    }

    /// Posts `conversations` for `message`'s sender with their buttons.
    func offer(
        _ conversations: [ConversationSummary], current: String?, to message: InboundMessage, replier: any ChatReplier
    ) async {
        let id = ApprovalToken.random()
        let tokens = conversations.map { _ in ApprovalToken.random() }
        for (index, token) in tokens.enumerated() { owners[token] = (id, index) }
        offers[id] = Offer(
            key: message.sessionKey, user: message.user, conversations: conversations, tokens: tokens, replier: replier)
        order.append(id)
        if order.count > Self.keptOffers { forget(order.removeFirst()) }
        let posted = await replier.ask(Self.question(conversations, tokens: tokens, current: current), to: message.address)
        offers[id]?.message = posted
    }

    func press(_ press: ButtonPress) async -> ButtonPressReply? {
        guard let (id, index) = owners[press.token], let offer = offers[id] else { return nil }
        guard press.user.platform == offer.user.platform, press.user.id == offer.user.id else {
            return ButtonPressReply(text: SessionTexts.onlyFor(offer.user), isRefusal: true)
        }
        let chosen = offer.conversations[index]
        await sessions.save(sessionID: chosen.sessionID, for: offer.key)
        if let message = offer.message {
            let question = Self.question(offer.conversations, tokens: offer.tokens, current: chosen.sessionID)
            await offer.replier.editQuestion(message, to: question)
        }
        return ButtonPressReply(text: SessionTexts.resumed(index: index + 1))
    }

    private func forget(_ id: String) {
        guard let offer = offers.removeValue(forKey: id) else { return }
        for token in offer.tokens { owners[token] = nil }
    }

    /// The list with a row of numbered buttons (five to a row).
    private static func question(_ conversations: [ConversationSummary], tokens: [String], current: String?)
        -> ChatQuestion
    {
        let buttons = tokens.enumerated().map { index, token in ChatButton(label: "▶️ \(index + 1)", token: token) }
        let rows = stride(from: 0, to: buttons.count, by: 5).map { Array(buttons[$0..<min($0 + 5, buttons.count)]) }
        return ChatQuestion(
            markdown: SessionTexts.conversations(conversations, current: current, withButtons: true), rows: rows)
    }
}
