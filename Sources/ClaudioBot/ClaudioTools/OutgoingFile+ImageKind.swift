extension OutgoingFile.Kind {
    /// Extensions of the images a chat shows inline (SPEC §14).
    static let photoExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]

    /// How a file of this name is sent: an image as a photo, anything else as a document.
    init(fileName: String) {
        let ending = fileName.split(separator: ".", omittingEmptySubsequences: false).last.map { $0.lowercased() }
        self = fileName.contains(".") && ending.map(Self.photoExtensions.contains) == true ? .photo : .document
    }
}
