import Shared
import Testing

@testable import ClaudioBot

@Suite("Allowlists: Telegram numeric IDs, Slack IDs, empty Slack list allows everyone")
struct AllowListsTests {
    @Test("a listed Telegram user is allowed, anyone else is not")
    func telegramMembership() {
        let lists = AllowLists(telegram: [123_456_789, 8_000_000_000], slack: ["U111"])
        #expect(lists.isAllowed(ChatUser(platform: .telegram, id: "123456789")))
        #expect(lists.isAllowed(ChatUser(platform: .telegram, id: "8000000000")), "IDs beyond 32 bits work")
        #expect(!lists.isAllowed(ChatUser(platform: .telegram, id: "987")))
    }

    @Test("a Telegram ID that is not the plain decimal form of a number is never allowed")
    func telegramNonNumeric() {
        let lists = AllowLists(telegram: [42])
        for spelling in ["+42", "042", " 42", "42 ", "4_2", "U42", "", "42.0", "0x2A"] {
            #expect(!lists.isAllowed(ChatUser(platform: .telegram, id: spelling)), "\(spelling)")
        }
        #expect(lists.isAllowed(ChatUser(platform: .telegram, id: "42")))
    }

    @Test("an empty Telegram list allows nobody")
    func telegramEmpty() {
        #expect(!AllowLists(telegram: [], slack: []).isAllowed(ChatUser(platform: .telegram, id: "1")))
    }

    @Test("a Slack list allows exactly its U… and W… IDs")
    func slackMembership() {
        let lists = AllowLists(telegram: [], slack: ["U0123ABCD", "W0456EFGH"])
        #expect(!lists.allowsEverySlackMember)
        #expect(lists.isAllowed(ChatUser(platform: .slack, id: "U0123ABCD")))
        #expect(lists.isAllowed(ChatUser(platform: .slack, id: "W0456EFGH")), "Enterprise Grid W… IDs")
        #expect(!lists.isAllowed(ChatUser(platform: .slack, id: "U999")))
        #expect(!lists.isAllowed(ChatUser(platform: .slack, id: "u0123abcd")), "IDs are matched exactly")
    }

    @Test("an empty Slack list allows every workspace member, and says so")
    func slackEmptyAllowsAll() {
        let lists = AllowLists(telegram: [1], slack: [])
        #expect(lists.allowsEverySlackMember)
        #expect(lists.isAllowed(ChatUser(platform: .slack, id: "UANYONE")))
    }

    @Test("the same ID string on the other platform is judged by that platform's list")
    func platformsAreSeparate() {
        let lists = AllowLists(telegram: [1], slack: ["U1"])
        #expect(!lists.isAllowed(ChatUser(platform: .slack, id: "1")))
        #expect(!lists.isAllowed(ChatUser(platform: .telegram, id: "U1")))
    }

    @Test("a sender from another Slack workspace needs their ID listed, even when the list is empty")
    func foreignSlackWorkspace() {
        let guest = ChatUser(platform: .slack, id: "U0GUEST", foreignTeamID: "T0OTHER")
        #expect(!AllowLists(telegram: [], slack: []).isAllowed(guest))
        #expect(!AllowLists(telegram: [], slack: ["U0ALICE"]).isAllowed(guest))
        #expect(AllowLists(telegram: [], slack: ["U0GUEST"]).isAllowed(guest))
    }
}
