import Foundation
import Testing
@testable import Publishing

@Suite struct EmailSMTPClientTests {
    static let message = Array("From: desk@example.com\r\nSubject: x\r\n\r\nline one\r\n.leading dot\r\n..two dots\r\n.\r\nend\r\n".utf8)

    static func client(_ server: EmailFakeSMTPServer) -> SMTPClient {
        SMTPClient(endpoint: SMTPEndpoint(host: "127.0.0.1", port: server.port), clientName: "client.example", timeoutSeconds: 5)
    }

    @Test func aMessageIsDeliveredWithTheWholeDialogueAndArrivesByteForByte() throws {
        let server = try EmailFakeSMTPServer()
        try Self.client(server).send(Self.message, from: "desk@example.com", to: ["a@example.com", "b@example.com"])
        #expect(server.receivedCommands == ["EHLO client.example", "MAIL FROM:<desk@example.com>", "RCPT TO:<a@example.com>",
                                            "RCPT TO:<b@example.com>", "DATA", "QUIT"])
        #expect(server.receivedData == Self.message)
    }

    @Test func dataIsDotStuffedAndEndsWithALoneDot() {
        let payload = String(decoding: SMTPClient.dataPayload(Array(".a\nb\r\n.\r\nc".utf8)), as: UTF8.self)
        #expect(payload == "..a\r\nb\r\n..\r\nc\r\n.\r\n")
    }

    @Test func aServerWithoutEHLOIsGreetedWithHELO() throws {
        let server = try EmailFakeSMTPServer(replies: ["EHLO": "502 Command not implemented"])
        try Self.client(server).send(Self.message, from: "desk@example.com", to: ["a@example.com"])
        #expect(server.receivedCommands.prefix(2) == ["EHLO client.example", "HELO client.example"])
    }

    @Test func aRejectedRecipientFailsWithTheServersReplyAndEndsTheSession() throws {
        let server = try EmailFakeSMTPServer(replies: ["RCPT": "550 5.1.1 No such user"])
        #expect(throws: SMTPError.rejected(command: "RCPT TO:<nobody@example.com>", reply: SMTPReply(code: 550, lines: ["5.1.1 No such user"]))) {
            try Self.client(server).send(Self.message, from: "desk@example.com", to: ["nobody@example.com"])
        }
        #expect(server.receivedCommands.last == "QUIT")
        #expect(!server.receivedCommands.contains("DATA"))
    }

    @Test func aRefusedMessageIsAnError() throws {
        let server = try EmailFakeSMTPServer(replies: [".": "554 5.7.1 Message rejected"])
        do {
            try Self.client(server).send(Self.message, from: "desk@example.com", to: ["a@example.com"])
            Issue.record("expected a rejection")
        } catch {
            #expect(error.description == "the SMTP server rejected the message: 554 5.7.1 Message rejected")
        }
    }

    @Test func aClosedPortIsAConnectionRefusedError() throws {
        let port = try EmailFakeSMTPServer.closedPort()
        let client = SMTPClient(endpoint: SMTPEndpoint(host: "127.0.0.1", port: port), timeoutSeconds: 5)
        do {
            try client.send(Self.message, from: "desk@example.com", to: ["a@example.com"])
            Issue.record("expected a connection error")
        } catch {
            #expect(error.description == "cannot connect to the SMTP server at 127.0.0.1:\(port): connection refused")
        }
    }

    @Test func multilineRepliesAreReadToTheirLastLine() throws {
        let server = try EmailFakeSMTPServer(replies: ["EHLO": "250-fake.example\r\n250-SIZE 1000\r\n250-PIPELINING\r\n250 HELP"])
        try Self.client(server).send(Self.message, from: "desk@example.com", to: ["a@example.com"])
        #expect(server.receivedCommands.count == 5)
    }

    @Test func endpointsParseHostAndPort() {
        #expect(SMTPEndpoint(parsing: "127.0.0.1:2525") == SMTPEndpoint(host: "127.0.0.1", port: 2525))
        #expect(SMTPEndpoint(parsing: "mail.example.com") == SMTPEndpoint(host: "mail.example.com", port: 25))
        #expect(SMTPEndpoint(parsing: "[::1]:587") == SMTPEndpoint(host: "::1", port: 587))
        #expect(SMTPEndpoint(parsing: "host:0") == nil)
        #expect(SMTPEndpoint(parsing: "host:smtp") == nil)
        #expect(SMTPEndpoint(parsing: ":25") == nil)
    }
}
