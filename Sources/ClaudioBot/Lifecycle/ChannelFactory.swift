/// Builds the chat channels the settings enable.
enum ChannelFactory {
    static func makeChannels(context: ChannelContext) -> [any ChatChannel] {
        var channels: [any ChatChannel] = []
        if context.settings.telegramEnabled {
            channels.append(TelegramChannel(context: context))
        }
        if context.settings.slackEnabled {
            channels.append(SlackChannel(context: context))
        }
        return channels
    }
}
