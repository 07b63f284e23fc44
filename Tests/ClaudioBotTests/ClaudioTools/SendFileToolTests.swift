import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("send_file: images as photos, the rest as documents, what the model and the activity are told (SPEC §14)")
struct SendFileToolTests {
    let workspace: ScratchDirectory
    let address = ChatAddress(platform: .slack, chatID: "C1", threadID: "1700000000.000100")

    init() throws {
        workspace = try ScratchDirectory()
        for name in ["chart.png", "photo.JPG", "anim.gif", "pic.webp", "scan.jpeg", "report.pdf", "data.csv", "png"] {
            try Data("bytes of \(name)".utf8).write(to: URL(fileURLWithPath: "\(workspace.path)/\(name)"))
        }
    }

    func tool(_ replier: FileCatchingReplier, activity: JobActivity = JobActivity(), maxBytes: Int = 1000)
        -> SendFileTool
    {
        SendFileTool(
            files: WorkspaceFileReader(workspacePath: workspace.path, maxBytes: maxBytes), replier: replier,
            address: address, activity: activity)
    }

    @Test("png, jpeg, gif and webp go as photos whatever the case of their extension; anything else as documents")
    func kinds() async {
        defer { workspace.remove() }
        let replier = FileCatchingReplier()
        for name in ["chart.png", "photo.JPG", "anim.gif", "pic.webp", "scan.jpeg", "report.pdf", "data.csv", "png"] {
            let result = await tool(replier).call(arguments: ["path": .string(name)])
            #expect(!result.isError, "\(name): \(result.text)")
        }
        let kinds = await replier.files.map { "\($0.file.name) \($0.file.kind)" }
        #expect(kinds == [
            "chart.png photo", "photo.JPG photo", "anim.gif photo", "pic.webp photo", "scan.jpeg photo",
            "report.pdf document", "data.csv document", "png document",
        ])
        #expect(await replier.files.allSatisfy { $0.address == address && $0.file.caption == nil })
    }

    @Test("the result names the file and its size; the caption goes with it; the activity has one line per file")
    func sentWithCaption() async {
        defer { workspace.remove() }
        let replier = FileCatchingReplier()
        let activity = JobActivity()
        let result = await tool(replier, activity: activity).call(arguments: [
            "path": .string(workspace.path + "/report.pdf"), "caption": "Q3 report",
        ])
        #expect(result == .success("sent report.pdf (19 bytes) to the chat"))
        let sent = await replier.files.first?.file
        #expect(sent == OutgoingFile(name: "report.pdf", data: Data("bytes of report.pdf".utf8), caption: "Q3 report"))
        #expect(activity.recent.map(\.summary) == ["sent report.pdf (19 bytes)"])
    }

    @Test("an image the chat will not take as a photo is sent again as a document")
    func photoFallsBackToDocument() async {
        defer { workspace.remove() }
        let replier = FileCatchingReplier(refusing: .photos)
        let result = await tool(replier).call(arguments: ["path": "chart.png"])
        #expect(result == .success("sent chart.png (18 bytes) to the chat"))
        #expect(await replier.refused.map(\.kind) == [.photo])
        #expect(await replier.files.map(\.file.kind) == [.document])
    }

    @Test("a chat that refuses the file: the model is told nothing was delivered")
    func chatRefuses() async {
        defer { workspace.remove() }
        let activity = JobActivity()
        let result = await tool(FileCatchingReplier(refusing: .everything), activity: activity)
            .call(arguments: ["path": "data.csv"])
        #expect(result.isError)
        #expect(result.text == "could not send data.csv: the chat refused it or could not be reached; nothing was delivered")
        #expect(activity.recent.map(\.summary) == ["not sent: data.csv (the chat refused it)"])
    }

    @Test("too large, not found and not a regular file are said as such, and nothing is sent")
    func refusals() async throws {
        defer { workspace.remove() }
        try Data(repeating: 1, count: 2000).write(to: URL(fileURLWithPath: workspace.path + "/big.bin"))
        try FileManager.default.createDirectory(atPath: workspace.path + "/folder", withIntermediateDirectories: true)
        let replier = FileCatchingReplier()
        let texts = await [
            tool(replier).call(arguments: ["path": "big.bin"]), tool(replier).call(arguments: ["path": "nope.txt"]),
            tool(replier).call(arguments: ["path": "folder"]), tool(replier).call(arguments: ["path": ""]),
        ].map(\.text)
        #expect(texts == [
            "could not send big.bin: too large: 2000 bytes (max 1000)", "could not send nope.txt: not found",
            "could not send folder: not a regular file",
            "send_file needs \"path\": the file's path relative to the working directory",
        ])
        #expect(await replier.files.isEmpty)
    }

    @Test("the description tells the model when to use the tool and the limit")
    func description() {
        defer { workspace.remove() }
        let text = tool(FileCatchingReplier(), maxBytes: 50_000_000).description
        #expect(text.contains("report") && text.contains("image") && text.contains("archive"))
        #expect(text.contains("50000000 bytes"))
    }
}
