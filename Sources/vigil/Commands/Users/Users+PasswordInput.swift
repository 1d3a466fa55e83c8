import VigilWeb

extension Vigil.Users {
    /// The new password: the first line of standard input, never an argument,
    /// where it would show in the process list and the shell's history.
    enum PasswordInput {
        static func read() throws -> String {
            guard let line = readLine(strippingNewline: true) else {
                throw CommandFailure.badInput("no password on standard input; pipe it in, one line")
            }
            let password = line.hasSuffix("\r") ? String(line.dropLast()) : line
            if let problem = PasswordHashing.problem(with: password) {
                throw CommandFailure.badInput(problem)
            }
            return password
        }
    }
}
