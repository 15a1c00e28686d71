// Account emails (password reset). User content is escaped like every other template.
import { escapeHtml, type RenderedEmail } from "./templates";

export function passwordResetEmail(p: {
  name: string;
  code: string;
  expiresAt: number;
  resetUrl: string;
}): RenderedEmail {
  const minutes = Math.max(1, Math.round((p.expiresAt - Date.now()) / 60_000));
  const greeting = p.name.trim() === "" ? "Hi," : `Hi ${p.name},`;
  const subject = `Your ASTN Orgs password reset code: ${p.code}`;
  const html =
    `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111;line-height:1.5">` +
    `<div style="max-width:560px;margin:0 auto;padding:24px">` +
    `<h1 style="font-size:20px;margin:0 0 16px">Reset your password</h1>` +
    `<p style="margin:0 0 12px">${escapeHtml(greeting)} enter this code on the reset page to choose a new password:</p>` +
    `<p style="font-size:28px;font-weight:700;letter-spacing:4px;margin:0 0 16px">${escapeHtml(p.code)}</p>` +
    `<p style="margin:0 0 16px"><a href="${escapeHtml(p.resetUrl)}" style="display:inline-block;padding:10px 16px;border-radius:6px;background:#2552d0;color:#fff;text-decoration:none">Open the reset page</a></p>` +
    `<p style="margin:0 0 12px;color:#555">The code works for ${minutes} minutes. If you didn't ask for it, ignore this email: your password stays as it is.</p>` +
    `</div></body></html>`;
  const text = [
    "Reset your password",
    "",
    `${greeting} enter this code on the reset page to choose a new password:`,
    "",
    p.code,
    "",
    `Open the reset page: ${p.resetUrl}`,
    "",
    `The code works for ${minutes} minutes. If you didn't ask for it, ignore this email: your password stays as it is.`,
  ].join("\n");
  return { subject, html, text };
}
