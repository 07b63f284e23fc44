import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("The approval desk: who may answer, what claude is told, what the chat shows, what is recorded")
struct ApprovalDeskTests {
    let replier = RecordingReplier()
    let log = InMemoryApprovalLog()
    let clock = TestClock()
    let desk: ApprovalDesk
    let alice = ChatUser(platform: .telegram, id: "42", username: "alice")
    let mallory = ChatUser(platform: .telegram, id: "66", username: "mallory")

    init() {
        desk = ApprovalDesk(log: log, timeoutSeconds: 300, clock: AnyClock(clock))
    }

    func job(id: String = "job-\(UUID().uuidString.prefix(8))") -> Job {
        Job(
            id: id, user: alice, address: ChatAddress(platform: .telegram, chatID: "100"), prompt: "do it",
            queuedAt: Date(), replier: replier)
    }

    static let bash = ToolPermissionRequest(toolName: "Bash", input: ["command": "rm -rf build"])

    /// Starts asking; returns the task and the question once it is posted.
    func ask(_ request: ToolPermissionRequest = bash, for job: Job, questionNumber: Int = 1) async throws
        -> (Task<PermissionDecision, Never>, ChatQuestion)
    {
        let desk = desk
        let task = Task { await desk.ask(request, for: job) }
        _ = await ProcessLiveness.waitUntil { await replier.questions.count >= questionNumber }
        let question = try #require(await replier.questions.dropFirst(questionNumber - 1).first)
        return (task, question)
    }

    func token(_ label: String, in question: ChatQuestion) throws -> String {
        try #require(question.rows.joined().first { $0.label == label }?.token, "no button \(label) in \(question)")
    }

    func settledText() async -> String? {
        _ = await ProcessLiveness.waitUntil {
            await replier.log.contains { if case .questionEdited(let q) = $0 { q.rows.isEmpty } else { false } }
        }
        for event in await replier.log.reversed() {
            if case .questionEdited(let question) = event, question.rows.isEmpty { return question.markdown }
        }
        return nil
    }

    @Test("the question shows the tool and its command with Allow, Allow <Tool> for this job and Deny; the job waits")
    func question() async throws {
        let job = job()
        let (task, question) = try await ask(for: job)
        #expect(question.markdown.hasPrefix("🔐 Claude wants to use **Bash**"))
        #expect(question.markdown.contains("```sh\nrm -rf build\n```"))
        #expect(question.rows.joined().map(\.label) == ["Allow", "Deny", "Allow Bash for this job"])
        let tokens = question.rows.joined().map(\.token)
        #expect(Set(tokens).count == 3)
        #expect(tokens.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
        #expect(job.control.waitingQuestions == 1)
        let waiting = await desk.waiting()
        #expect(waiting.map(\.tool) == ["Bash"])
        #expect(waiting.first?.summary == "rm -rf build")
        #expect(waiting.first.map { $0.expiresAt.timeIntervalSince($0.askedAt) } == 300)
        task.cancel()
        _ = await task.value
    }

    @Test("the requester's Allow lets the tool run with its input; the question reads who allowed it, buttons gone")
    func allow() async throws {
        let job = job()
        let (task, question) = try await ask(for: job)
        let reply = await desk.press(ButtonPress(token: try token("Allow", in: question), user: alice))
        #expect(reply == ButtonPressReply(text: "✅ Allowed"))
        #expect(await task.value == .allow(updatedInput: ["command": "rm -rf build"]))
        #expect(await settledText()?.hasSuffix("\n\n✅ Allowed by @alice") == true)
        #expect(job.control.waitingQuestions == 0)
        #expect(await desk.waiting().isEmpty)
        let record = try #require(log.all.first)
        #expect((record.decision, record.decidedBy, record.via) == (.allow, "42", .telegram))
    }

    @Test("someone else pressing is refused by name and changes nothing; then the requester denies")
    func otherUserThenDeny() async throws {
        let job = job()
        let (task, question) = try await ask(for: job)
        let refusal = await desk.press(ButtonPress(token: try token("Allow", in: question), user: mallory))
        #expect(refusal == ButtonPressReply(text: "Only @alice can answer this", isRefusal: true))
        #expect(await desk.waiting().count == 1)
        _ = await desk.press(ButtonPress(token: try token("Deny", in: question), user: alice))
        #expect(await task.value == .deny(message: "Denied by @alice"))
        #expect(await settledText()?.hasSuffix("❌ Denied by @alice") == true)
        #expect(log.all.map(\.decision) == [.deny])
    }

    @Test("a forged token and a button of an answered question are none of the desk's (the router says nothing waits)")
    func forgedAndStale() async throws {
        let job = job()
        let (task, question) = try await ask(for: job)
        let forged = await desk.press(ButtonPress(token: "allow", user: alice))
        #expect(forged == nil)
        let allow = try token("Allow", in: question)
        _ = await desk.press(ButtonPress(token: allow, user: alice))
        _ = await task.value
        let stale = await desk.press(ButtonPress(token: try token("Deny", in: question), user: alice))
        #expect(stale == nil)
        #expect(log.all.count == 1)
    }

    @Test("Allow <Tool> for this job answers that tool's later requests by itself, not other tools, not other jobs")
    func forThisJob() async throws {
        let job = job()
        let (first, question) = try await ask(for: job)
        _ = await desk.press(ButtonPress(token: try token("Allow Bash for this job", in: question), user: alice))
        #expect(await first.value == .allow(updatedInput: ["command": "rm -rf build"]))
        #expect(await settledText()?.hasSuffix("✅ Bash allowed for this job by @alice") == true)
        let again = ToolPermissionRequest(toolName: "Bash", input: ["command": "make"])
        #expect(await desk.ask(again, for: job) == .allow(updatedInput: ["command": "make"]))
        #expect(await replier.questions.count == 1)
        #expect(log.all.map(\.decision) == [.allowJob, .allowJob])
        #expect(log.all.map(\.decidedBy) == ["42", "42"])
        #expect(log.all.last?.via == .job)
        let (write, _) = try await ask(
            ToolPermissionRequest(toolName: "Write", input: ["file_path": "a.txt", "content": "x"]), for: job,
            questionNumber: 2)
        write.cancel()
        _ = await write.value
        await desk.jobEnded(job.id)
        let (later, _) = try await ask(again, for: job, questionNumber: 3)
        later.cancel()
        _ = await later.value
    }

    @Test("no answer within APPROVAL_TIMEOUT denies, and the question says so")
    func timeout() async throws {
        let job = job()
        let (task, _) = try await ask(for: job)
        await clock.sleepers(atLeast: 1)
        clock.advance(by: .seconds(300))
        #expect(await task.value == .deny(message: "No answer in 300 s: denied"))
        #expect(await settledText()?.hasSuffix("⌛ No answer in 300 s — denied") == true)
        #expect((log.all.first?.decision, log.all.first?.decidedBy, log.all.first?.via) == (.timeout, "timeout", .timeout))
    }

    @Test("the job ending (the asking task cancelled) ends the question")
    func jobEnds() async throws {
        let job = job()
        let (task, _) = try await ask(for: job)
        task.cancel()
        #expect(await task.value == .deny(message: "The job ended before anyone answered"))
        #expect(await settledText()?.hasSuffix("— job ended") == true)
        #expect((log.all.first?.decision, log.all.first?.via) == (.ended, .job))
        #expect(job.control.waitingQuestions == 0)
    }

    @Test("the operator allows or denies by id; a second answer is 'not pending', an unknown id 'unknown'")
    func operatorDecides() async throws {
        let job = job()
        let (task, _) = try await ask(for: job)
        let id = try #require(await desk.waiting().first?.id)
        #expect(await desk.decide(id: id, .allow, via: .console) == .decided)
        #expect(await task.value == .allow(updatedInput: ["command": "rm -rf build"]))
        #expect(await settledText()?.hasSuffix("✅ Allowed by the operator") == true)
        #expect(await desk.decide(id: id, .deny, via: .cli) == .notPending)
        #expect(await desk.decide(id: "no-such-request", .deny, via: .api) == .unknown)
        #expect((log.all.first?.decidedBy, log.all.first?.via) == ("operator", .console))
    }

    @Test("the job's activity shows each request asked and how it was answered (SPEC §17)")
    func activity() async throws {
        let job = job()
        let (first, question) = try await ask(for: job)
        #expect(job.control.activity.recent.map(\.summary) == ["🔐 Bash asked: rm -rf build"])
        _ = await desk.press(ButtonPress(token: try token("Allow Bash for this job", in: question), user: alice))
        _ = await first.value
        let again = ToolPermissionRequest(toolName: "Bash", input: ["command": "make"])
        _ = await desk.ask(again, for: job)
        let (denied, _) = try await ask(
            ToolPermissionRequest(toolName: "WebFetch", input: ["url": "https://example.com"]), for: job,
            questionNumber: 2)
        let id = try #require(await desk.waiting().first?.id)
        _ = await desk.decide(id: id, .deny, via: .console)
        _ = await denied.value
        let events = job.control.activity.recent
        #expect(events.allSatisfy { $0.kind == .approval })
        #expect(events.map(\.summary) == [
            "🔐 Bash asked: rm -rf build", "✅ Bash allowed for this job by @alice",
            "✅ Bash allowed for this job (by @alice earlier): make", "🔐 WebFetch asked: https://example.com",
            "❌ WebFetch denied by the operator",
        ])
    }

    static let colours = ToolPermissionRequest(
        toolName: "AskUserQuestion",
        input: [
            "questions": [
                [
                    "question": "Which colour?", "header": "Colour", "multiSelect": false,
                    "options": [["label": "Red", "description": "warm"], ["label": "Blue", "description": "cool"]],
                ]
            ]
        ])

    @Test("AskUserQuestion: the options are the buttons, the chosen label goes back as the answer")
    func askUserQuestion() async throws {
        let job = job()
        let (task, question) = try await ask(Self.colours, for: job)
        #expect(question.markdown.contains("**Which colour?**"))
        #expect(question.markdown.contains("• Red — warm"))
        #expect(question.rows.map { $0.map(\.label) } == [["Red", "Blue"]])
        _ = await desk.press(ButtonPress(token: try token("Blue", in: question), user: alice))
        let expected = PermissionDecision.allow(
            updatedInput: ["questions": Self.colours.input["questions"]!, "answers": ["Which colour?": "Blue"]])
        #expect(await task.value == expected)
        #expect(await settledText()?.hasSuffix("✅ Answered by @alice: Blue") == true)
    }

    @Test("AskUserQuestion with several choices: presses toggle, Done answers with the labels joined by commas")
    func multiSelect() async throws {
        var request = Self.colours
        request.input = [
            "questions": [
                [
                    "question": "Which toppings?", "multiSelect": true,
                    "options": [["label": "Cheese"], ["label": "Ham"], ["label": "Olives"]],
                ]
            ]
        ]
        let job = job()
        let (task, question) = try await ask(request, for: job)
        #expect(question.rows.map { $0.map(\.label) } == [["Cheese", "Ham", "Olives", "Done"]])
        let empty = await desk.press(ButtonPress(token: try token("Done", in: question), user: alice))
        #expect(empty?.isRefusal == true)
        for label in ["Olives", "Ham", "Cheese", "Ham"] {
            _ = await desk.press(ButtonPress(token: try token(label, in: question), user: alice))
        }
        _ = await desk.press(ButtonPress(token: try token("Done", in: question), user: alice))
        guard case .allow(let input) = await task.value else {
            Issue.record("not allowed")
            return
        }
        #expect(input["answers"] == ["Which toppings?": "Cheese, Olives"])
    }

    @Test("what each tool's question shows: a file edit's path and new text, a URL, other input as JSON")
    func summaries() {
        let write = ToolRequestSummary(
            ToolPermissionRequest(
                toolName: "Write",
                input: ["file_path": "/w/a.txt", "content": .string((1...30).map(String.init).joined(separator: "\n"))]))
        #expect(write.line == "/w/a.txt")
        #expect(write.markdown.hasPrefix("`/w/a.txt`\n```\n1\n2\n"))
        #expect(write.markdown.contains("20\n… (10 more lines)\n```"))
        #expect(!write.markdown.contains("\n21\n"))
        let fetch = ToolRequestSummary(ToolPermissionRequest(toolName: "WebFetch", input: ["url": "https://x.test/a"]))
        #expect(fetch.markdown == "`https://x.test/a`")
        let other = ToolRequestSummary(
            ToolPermissionRequest(toolName: "mcp__db__query", input: ["sql": .string(String(repeating: "x", count: 900))]))
        #expect(other.markdown.hasPrefix("```json\n{"))
        #expect(other.markdown.count < 520)
        let fenced = ToolRequestSummary(ToolPermissionRequest(toolName: "Bash", input: ["command": "echo ```hi```"]))
        #expect(fenced.markdown.hasPrefix("````sh\n"))
    }
}
