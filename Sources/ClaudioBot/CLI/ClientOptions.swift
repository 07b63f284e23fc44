import ArgumentParser
import Foundation
import Shared

/// Options every scripting client of a running daemon takes, and the exit-code mapping of SPEC §3:
/// 0 ok, 1 the daemon said no, 2 the daemon cannot be reached.
struct ClientOptions: ParsableArguments {
    @Option(help: "The admin socket (default: CLAUDIO_ADMIN_SOCKET, else the XDG default).")
    var socket: String?

    @Flag(help: "Print the API's JSON unchanged.")
    var json = false

    func client() async -> AdminClient {
        let path: String
        if let socket {
            path = socket
        } else {
            path = await AdminSocketLocation.defaultPath(processEnvironment: ProcessInfo.processInfo.environment)
        }
        return AdminClient(socketPath: path)
    }

    /// Runs one request: `--json` prints the raw body, otherwise `render` formats the decoded answer.
    func perform<Answer: Decodable>(
        _ endpoint: AdminEndpoint, as type: Answer.Type, render: (Answer) -> String
    ) async throws {
        let client = await client()
        do {
            let body = try await client.raw(endpoint)
            if json {
                FileHandle.standardOutput.write(body)
                FileHandle.standardOutput.write(Data("\n".utf8))
            } else {
                print(render(try AdminJSON.decoder.decode(Answer.self, from: body)))
            }
        } catch let error as AdminClientError {
            FileHandle.standardError.write(Data("❌ \(error)\n".utf8))
            if case .unreachable = error {
                FileHandle.standardError.write(Data("   Is `claudio run` running? Pass --socket PATH if it uses another socket.\n".utf8))
                throw ExitCode(2)
            }
            throw ExitCode(1)
        } catch let error as DecodingError {
            FileHandle.standardError.write(Data("❌ unexpected answer from the daemon: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
