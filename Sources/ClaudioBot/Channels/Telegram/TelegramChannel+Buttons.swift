import Shared

/// Presses of the buttons under Claudio's questions (SPEC §13).
extension TelegramChannel {
    /// Hands a press to the router and answers it — every press is answered, or the presser's client keeps showing a
    /// spinner — on a task of its own, so polling never waits for it.
    func answerPress(_ query: TelegramCallbackQuery) {
        let (router, api, logger) = (context.router, api, logger)
        Task {
            let reply: ButtonPressReply
            if let token = query.data, !query.from.isBot {
                let user = ChatUser(
                    platform: .telegram, id: String(query.from.id), username: query.from.username,
                    displayName: query.from.displayName)
                reply = await router.press(ButtonPress(token: token, user: user))
            } else {
                reply = ButtonPressReply(text: ApprovalTexts.noLongerWaiting, isRefusal: true)
            }
            do {
                try await api.answerCallbackQuery(id: query.id, text: reply.text, showAlert: reply.isRefusal)
            } catch {
                logger.notice("could not answer a button press from Telegram user \(query.from.id): \(error)")
            }
        }
    }
}
