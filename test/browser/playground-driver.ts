// Driving the playground page as a person does, shared by the browser tests that use it (playground, reports,
// guide): the add-on menu with its dialogs answered, and the sidebar's frame once it has rendered.
import type { Frame, Page } from 'playwright-core';

/** Clicks an add-on menu item, then answers every dialog it shows with its first (default) button. */
export async function clickMenu(page: Page, fn: string): Promise<void> {
  await page.click('#menu-ext');
  await page.hover('#addon-menu');
  await page.click(`#menu-pop [data-fn="${fn}"]`);
  for (;;) {
    await page.waitForFunction(
      () => !document.body.classList.contains('busy') || document.querySelector('.modal-back'),
    );
    const modal = await page.$('.modal-back button.primary');
    if (modal) await modal.click();
    else if (!(await page.evaluate(() => document.body.classList.contains('busy')))) break;
  }
}

/** The sidebar's frame, once the add-on's Sidebar.html is loaded and ready. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#sidebar-frame');
  await page.waitForFunction(() =>
    (document.querySelector('#sidebar-frame') as HTMLIFrameElement).src.includes('/sidebar/'),
  );
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no sidebar frame');
  await frame.waitForSelector('body[data-ready="true"]');
  return frame;
}
