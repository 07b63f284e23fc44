import Shared

@testable import ClaudioBot

/// A `DeniedRecordSink` that keeps what it was given and reports each record as it arrives. When created holding, its
/// first `store` call does not return until `release()`, to show what piles up behind a slow store.
actor RecordingDeniedSink: DeniedRecordSink {
    private(set) var stored: [DeniedRecord] = []
    nonisolated let arrivals: AsyncStream<DeniedRecord>
    private let arrivalsContinuation: AsyncStream<DeniedRecord>.Continuation
    private var holding: Bool
    private var held: CheckedContinuation<Void, Never>?

    init(holdingFirstStore: Bool = false) {
        (arrivals, arrivalsContinuation) = AsyncStream.makeStream(of: DeniedRecord.self)
        holding = holdingFirstStore
    }

    func store(_ record: DeniedRecord) async {
        stored.append(record)
        arrivalsContinuation.yield(record)
        if holding {
            holding = false
            await withCheckedContinuation { held = $0 }
        }
    }

    /// Lets a held `store` call return.
    func release() {
        held?.resume()
        held = nil
    }
}
