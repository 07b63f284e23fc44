/// Builds the chat channels the settings enable.
enum ChannelFactory {
    static func makeChannels(context: ChannelContext) -> [any ChatChannel] {
        let channels: [any ChatChannel] = []
        return channels
    }
}
