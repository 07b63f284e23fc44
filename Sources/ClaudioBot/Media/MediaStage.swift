import Foundation
import Logging
import Shared

/// Turns the voice notes and files of an authorized user's message into the prompt that runs (SPEC §15).
///
/// `plan(for:)` decides from what the platform said alone — voice notes off, a voice note too long, a file too large —
/// so a refused message is never downloaded. `prompt(for:…)` then downloads through the channel's
/// `AttachmentDownloader` and either transcribes (showing the sender "🎤 <transcript>") or saves each file in the
/// workspace (`UploadFolder`). Downloads and transcriptions wait on the HTTP client's thread and files are written on
/// a thread of their own, so the cooperative pool never blocks; the router runs this inside the chat's turn, so only
/// that chat waits.
struct MediaStage: Sendable {
    /// `MAX_VOICE_SECONDS`.
    let maxVoiceSeconds: Int
    /// `MAX_UPLOAD_BYTES`: for files and for voice notes.
    let maxUploadBytes: Int
    /// Nil when voice notes are not enabled.
    let transcriber: (any SpeechTranscriber)?
    let uploads: UploadFolder
    private let logger = Logger(label: "claudio.media")

    init(maxVoiceSeconds: Int, maxUploadBytes: Int, transcriber: (any SpeechTranscriber)?, uploads: UploadFolder) {
        self.maxVoiceSeconds = maxVoiceSeconds
        self.maxUploadBytes = maxUploadBytes
        self.transcriber = transcriber
        self.uploads = uploads
    }

    /// The stage the settings describe, transcribing through `http` when voice notes are enabled.
    init(settings: Settings, http: HTTPClient, transcriptionTimeout: Duration = TranscriptionClient.defaultTimeout) {
        let transcriber =
            settings.voiceNotesEnabled
            ? TranscriptionClient(
                http: http, baseURL: settings.transcriptionAPIURL, apiKey: settings.transcriptionAPIKey,
                model: settings.transcriptionModel, timeout: transcriptionTimeout)
            : nil
        self.init(
            maxVoiceSeconds: settings.maxVoiceSeconds, maxUploadBytes: settings.maxUploadBytes,
            transcriber: transcriber, uploads: UploadFolder(workspacePath: settings.workspacePath))
    }

    /// What to do with `attachments`, judged from what the platform said about them. A single voice note or audio
    /// file is transcribed; anything else (several files, audio among them) is saved.
    func plan(for attachments: [ChatAttachment]) -> MediaPlan {
        if attachments.count == 1, let voice = attachments.first, voice.isAudio {
            guard transcriber != nil else { return .refuse(reply: MediaTexts.voiceNotEnabled) }
            if let duration = voice.duration, duration > Double(maxVoiceSeconds) {
                return .refuse(reply: MediaTexts.voiceTooLong(seconds: duration, max: maxVoiceSeconds))
            }
            if let size = voice.size, size > maxUploadBytes {
                return .refuse(reply: MediaTexts.fileTooLarge(bytes: size, max: maxUploadBytes))
            }
            return .transcribe(voice)
        }
        if let size = attachments.compactMap(\.size).first(where: { $0 > maxUploadBytes }) {
            return .refuse(reply: MediaTexts.fileTooLarge(bytes: size, max: maxUploadBytes))
        }
        return .save(attachments)
    }

    /// Carries out `plan` for a message with `caption` from `user`.
    /// - Parameters:
    ///   - downloader: the channel's way to its files.
    ///   - replier: shows the transcript to the sender at `address`.
    func prompt(
        for plan: MediaPlan, caption: String, from user: ChatUser, downloader: any AttachmentDownloader,
        replier: any ChatReplier, at address: ChatAddress
    ) async -> MediaOutcome {
        switch plan {
        case .refuse(let reply):
            return .refused(reply: reply)
        case .transcribe(let voice):
            let outcome = await transcribe(voice, from: user, downloader: downloader)
            if case .prompt(let transcript) = outcome { await replier.send(MediaTexts.transcript(transcript), to: address) }
            return outcome
        case .save(let files):
            return await save(files, caption: caption, from: user, downloader: downloader)
        }
    }

    // MARK: - Voice notes

    private func transcribe(_ voice: ChatAttachment, from user: ChatUser, downloader: any AttachmentDownloader) async
        -> MediaOutcome
    {
        guard let transcriber else { return .refused(reply: MediaTexts.voiceNotEnabled) }
        let audio: Data
        do {
            audio = try await downloader.download(voice, limit: maxUploadBytes)
        } catch .cancelled {
            return .cancelled
        } catch .tooLarge(let size) {
            return .refused(reply: MediaTexts.fileTooLarge(bytes: size, max: maxUploadBytes))
        } catch {
            logger.warning("voice note of \(user.platform):\(user.id) not downloaded: \(error)")
            return .refused(reply: MediaTexts.couldNotTranscribe("it could not be downloaded (\(error))."))
        }
        do {
            let text = try await transcriber.transcribe(audio, fileName: voice.transcriptionFileName)
            logger.info("voice note of \(user.platform):\(user.id) transcribed: \(audio.count) bytes, \(text.count) characters")
            return .prompt(text)
        } catch .cancelled {
            return .cancelled
        } catch {
            logger.warning("voice note of \(user.platform):\(user.id) not transcribed: \(error)")
            return .refused(reply: MediaTexts.couldNotTranscribe("\(error)."))
        }
    }

    // MARK: - Files

    private func save(
        _ files: [ChatAttachment], caption: String, from user: ChatUser, downloader: any AttachmentDownloader
    ) async -> MediaOutcome {
        var lines: [String] = []
        for file in files {
            let shownName = TextSanitizer.excerpt(file.fileName ?? "photo", limit: 80)
            let data: Data
            do {
                data = try await downloader.download(file, limit: maxUploadBytes)
            } catch .cancelled {
                return .cancelled
            } catch .tooLarge(let size) {
                return .refused(reply: MediaTexts.fileTooLarge(bytes: size, max: maxUploadBytes))
            } catch {
                logger.warning("file of \(user.platform):\(user.id) not downloaded: \(error)")
                return .refused(reply: MediaTexts.couldNotReceive(shownName, reason: "\(error)."))
            }
            do {
                let path = try await uploads.save(data, suggestedName: file.fileName, isPhoto: file.kind == .photo)
                logger.info("saved \(path) (\(data.count) bytes) from \(user.platform):\(user.id)")
                lines.append(MediaTexts.uploadedLine(path: path, bytes: data.count))
            } catch {
                logger.error("file of \(user.platform):\(user.id) not saved: \(error)")
                return .refused(reply: MediaTexts.couldNotReceive(shownName, reason: "\(error)."))
            }
        }
        let text = caption.trimmingCharacters(in: .whitespacesAndNewlines)
        lines.append(text.isEmpty ? MediaTexts.defaultUploadPrompt : text)
        return .prompt(lines.joined(separator: "\n"))
    }
}
