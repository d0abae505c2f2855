// The Mailer port on MailApp (gas-runtime-notes §8): one sendEmail per message with plain text and HTML bodies;
// the quota is the recipients still sendable today, valid for the current execution.
import type { Mailer, OutgoingMail } from '../app/reminder-ports';

export function mailAppMailer(): Mailer {
  return {
    remainingQuota: () => MailApp.getRemainingDailyQuota(),
    send(mail: OutgoingMail) {
      const options: GoogleAppsScript.Mail.MailAdvancedParameters = {
        to: mail.to.join(','),
        subject: mail.subject,
        body: mail.text,
        htmlBody: mail.html,
      };
      if (mail.cc.length) options.cc = mail.cc.join(',');
      if (mail.name) options.name = mail.name;
      if (mail.replyTo) options.replyTo = mail.replyTo;
      MailApp.sendEmail(options);
    },
  };
}
