import Foundation

/// Files users send: the updates carrying them, `getFile`, and the downloads from `<base>/file/bot<token>/<path>`.
extension FakeTelegramState {
    /// Telegram's own servers hand out files up to this size; `getFile` answers "file is too big" beyond it.
    package static let maxServedFileBytes = 20_000_000

    /// Queues a `message` update from `userID` carrying `data` as `attachment`.
    /// - Parameters:
    ///   - caption: the text sent with the file.
    ///   - statedSize: the `file_size` the update states; the data's size when nil.
    @discardableResult
    package func enqueueFile(
        _ attachment: FakeTelegramAttachment, data: Data, caption: String? = nil, from userID: Int64,
        statedSize: Int? = nil
    ) -> Int64 {
        var message: [String: FakeTelegramJSON] = [
            "message_id": .integer(Int64(nextFileNumber + 10_000)),
            "from": ["id": .integer(userID), "is_bot": false, "first_name": "Test"],
            "chat": ["id": .integer(userID), "type": "private"],
            "date": .integer(Int64(Date().timeIntervalSince1970)),
        ]
        if let caption { message["caption"] = .string(caption) }
        let size = statedSize ?? data.count
        switch attachment {
        case .voice(let duration):
            var voice = host(data, folder: "voice", ext: "oga", size: size)
            voice["duration"] = .integer(Int64(duration))
            voice["mime_type"] = "audio/ogg"
            message["voice"] = .object(voice)
        case .audio(let duration, let fileName, let mimeType):
            var audio = host(data, folder: "music", ext: "mp3", size: size)
            audio["duration"] = .integer(Int64(duration))
            audio["mime_type"] = .string(mimeType)
            if let fileName { audio["file_name"] = .string(fileName) }
            message["audio"] = .object(audio)
        case .document(let fileName, let mimeType):
            var document = host(data, folder: "documents", ext: "bin", size: size)
            if let fileName { document["file_name"] = .string(fileName) }
            if let mimeType { document["mime_type"] = .string(mimeType) }
            message["document"] = .object(document)
        case .photo:
            var thumbnail = host(Data("thumbnail".utf8), folder: "photos", ext: "jpg", size: 9)
            thumbnail["width"] = 90
            thumbnail["height"] = 67
            var full = host(data, folder: "photos", ext: "jpg", size: size)
            full["width"] = 1280
            full["height"] = 960
            message["photo"] = [.object(thumbnail), .object(full)]
        }
        return enqueue(rawFields: "\"message\":" + FakeTelegramJSON.object(message).jsonText)
    }

    /// The `getFile` and file-URL downloads so far, as the paths asked for.
    package var downloads: [String] {
        calls("download").compactMap { $0.parameters["file_path"] }
    }

    func getFile(_ parameters: [String: FakeTelegramJSON]) -> FakeTelegramAnswer {
        guard let fileID = parameters["file_id"]?.text, let file = hostedFiles[fileID] else {
            return .error(400, "Bad Request: invalid file_id")
        }
        guard file.data.count <= Self.maxServedFileBytes else { return .error(400, "Bad Request: file is too big") }
        return .ok([
            "file_id": .string(fileID), "file_unique_id": .string("unique-" + fileID),
            "file_size": .integer(Int64(file.data.count)), "file_path": .string(file.path),
        ])
    }

    /// Answers `GET /file/bot<token>/<path>` and records it as a `download` call.
    func download(path: String, tokenValid: Bool) -> FakeTelegramAnswer {
        let answer: FakeTelegramAnswer
        if !tokenValid {
            answer = .error(401, "Unauthorized")
        } else if let file = hostedFiles.values.first(where: { $0.path == path }) {
            answer = .file(file.data)
        } else {
            answer = .error(404, "Not Found")
        }
        record(
            method: "download", parameters: ["file_path": path], answer: answer, fault: nil,
            receivedAt: ContinuousClock.now)
        return answer
    }

    /// Keeps `data` as a new file and returns the fields every Bot API file object has.
    private func host(_ data: Data, folder: String, ext: String, size: Int) -> [String: FakeTelegramJSON] {
        let number = nextFileNumber
        nextFileNumber += 1
        let fileID = "fake-file-\(number)"
        hostedFiles[fileID] = FakeTelegramHostedFile(fileID: fileID, path: "\(folder)/file_\(number).\(ext)", data: data)
        return [
            "file_id": .string(fileID), "file_unique_id": .string("unique-\(number)"), "file_size": .integer(Int64(size)),
        ]
    }
}
