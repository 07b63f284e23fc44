import CCurl
import Foundation
import Synchronization

/// The thread that drives every transfer of one ``HTTPClient`` through a `curl_multi` handle.
///
/// libcurl's multi interface is single-threaded: only this thread adds, performs and removes
/// transfers. Callers hand work over through a mutex-protected inbox and wake the thread out of
/// `curl_multi_poll` with `curl_multi_wakeup`, the one multi call libcurl allows from any thread.
/// Transfers never run on the Swift cooperative pool, so a 50 s long poll occupies no pool thread.
final class CurlTransferThread: Sendable {
    private struct Inbox {
        var submitted: [CurlTransfer] = []
        var cancelled: [CurlTransfer] = []
        var isStopping = false
        /// False once the thread has destroyed the multi handle: no wakeup may reach it after.
        var isMultiAlive = true
    }

    /// Upper bound on one `curl_multi_poll`; libcurl shortens it to its own next timer.
    private static let pollIntervalMilliseconds: Int32 = 1000

    /// The `CURLM *` handle; used by the transfer thread, except for `curl_multi_wakeup`.
    nonisolated(unsafe) private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())

    /// Creates the multi handle and starts the thread.
    init(name: String) {
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        self.multi = multi
        let thread = Thread { [self] in runTransfers() }
        thread.name = name
        thread.start()
    }

    /// Queues `transfer`; returns false, leaving it untouched, when the thread is stopping.
    func submit(_ transfer: CurlTransfer) -> Bool {
        inbox.withLock { inbox in
            guard !inbox.isStopping else { return false }
            inbox.submitted.append(transfer)
            curl_multi_wakeup(multi)
            return true
        }
    }

    /// Aborts `transfer`, whether it is queued, running, or not submitted yet.
    func cancel(_ transfer: CurlTransfer) {
        // The flag covers a transfer submitted after this call; the inbox entry a running one.
        transfer.requestCancellation()
        inbox.withLock { inbox in
            guard !inbox.isStopping else { return }
            inbox.cancelled.append(transfer)
            curl_multi_wakeup(multi)
        }
    }

    /// Asks the thread to fail every unfinished transfer with
    /// ``HTTPClientError/clientShutDown(url:)`` and exit. Returns without waiting.
    func stop() {
        inbox.withLock { inbox in
            guard !inbox.isStopping else { return }
            inbox.isStopping = true
            if inbox.isMultiAlive { curl_multi_wakeup(multi) }
        }
    }

    // MARK: Transfer thread

    private func runTransfers() {
        var running: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        while true {
            let work = inbox.withLock { inbox in
                defer { inbox.submitted = []; inbox.cancelled = [] }
                return inbox
            }
            for transfer in work.submitted {
                if transfer.isCancellationRequested {
                    transfer.finish(.failure(.cancelled(url: transfer.redactedURL)))
                    continue
                }
                let code = curl_multi_add_handle(multi, transfer.handle)
                guard code == CURLM_OK else {
                    let message = String(cString: curl_multi_strerror(code))
                    transfer.finish(.failure(.transferFailed(url: transfer.redactedURL, code: Int(code.rawValue), message: message)))
                    continue
                }
                running[transfer.handle] = transfer
            }
            for transfer in work.cancelled where running.removeValue(forKey: transfer.handle) != nil {
                curl_multi_remove_handle(multi, transfer.handle)
                transfer.finish(.failure(.cancelled(url: transfer.redactedURL)))
            }
            if work.isStopping { break }

            var stillRunning: Int32 = 0
            curl_multi_perform(multi, &stillRunning)
            finishCompleted(in: &running)
            curl_multi_poll(multi, nil, 0, Self.pollIntervalMilliseconds, nil)
        }

        for transfer in running.values {
            curl_multi_remove_handle(multi, transfer.handle)
            transfer.finish(.failure(.clientShutDown(url: transfer.redactedURL)))
        }
        inbox.withLock { $0.isMultiAlive = false }
        curl_multi_cleanup(multi)
    }

    /// Removes finished transfers from the multi handle and resumes their callers.
    private func finishCompleted(in running: inout [UnsafeMutableRawPointer: CurlTransfer]) {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            // The message is only valid until the handle is removed: copy what is needed first.
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle else { continue }
            let result = message.pointee.data.result
            guard let transfer = running.removeValue(forKey: handle) else { continue }
            curl_multi_remove_handle(multi, handle)
            transfer.finish(transfer.outcome(of: result))
        }
    }
}
