import ClaudioTUI

await ConsoleCommand.runMain()
