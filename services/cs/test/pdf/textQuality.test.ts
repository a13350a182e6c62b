import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessText } from '../../src/pdf/textQuality.js';

const DATA = join(import.meta.dirname, '../../training/data');
const pagesOf = (file: string) => readFileSync(join(DATA, file), 'utf8').trim().split('\n').flatMap((l) => (JSON.parse(l) as { pages: string[] }).pages);

// seeded, so the garbage is the same on every run
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const random = (n: number, alphabet: string) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

describe('Function: assessText', () => {
  it.each([
    ['Spanish', 'Solicitud de préstamo personal. El solicitante declara que la información proporcionada es verdadera y completa. La tasa de interés anual es fija durante todo el plazo del préstamo y los pagos mensuales se cargarán en la cuenta indicada por el cliente.'],
    ['French', 'Demande de prêt immobilier. L’emprunteur déclare que les informations fournies sont exactes. Le taux d’intérêt est fixe pendant toute la durée du prêt et les mensualités seront prélevées sur le compte indiqué par le client.'],
    ['German', 'Darlehensantrag. Der Antragsteller erklärt, dass die gemachten Angaben vollständig und richtig sind. Der Zinssatz ist für die gesamte Laufzeit fest und die monatlichen Raten werden von dem angegebenen Konto abgebucht.'],
    ['Vietnamese', 'Đơn xin vay vốn cá nhân. Người vay cam kết rằng các thông tin cung cấp là chính xác và đầy đủ. Lãi suất cố định trong suốt thời hạn vay và các khoản thanh toán hàng tháng sẽ được trích từ tài khoản đã đăng ký.'],
    ['Chinese', '个人贷款申请表。申请人王小明声明所提供的信息真实完整。贷款利率在整个贷款期限内固定，每月还款将从指定账户中扣除。身份证号码、电话号码和电子邮件地址。'],
    ['Russian', 'Заявление на получение потребительского кредита. Заявитель подтверждает, что предоставленные сведения являются полными и достоверными. Процентная ставка фиксирована на весь срок кредита.'],
    ['Arabic', 'طلب قرض شخصي. يقر مقدم الطلب بأن المعلومات المقدمة صحيحة وكاملة. سعر الفائدة ثابت طوال مدة القرض وسيتم خصم الأقساط الشهرية من الحساب المحدد.'],
    ['a rate table', 'CONSUMER LOAN RATES\nProduct Term Rate APR\n30-Year Fixed 360 mo 6.125% 6.325%\nAuto New 60 mo 5.490% 5.690%\nPersonal Unsecured 36 mo 11.990% 12.190%\nHELOC Variable 8.250% 8.250%\nNMLS ID 402117 FDIC LLC CRA HMDA'],
    ['a bank statement', 'Date Description Amount Balance\n04/01 CHECK #4824 1,981.94 12,410.55\n02/11 ACH DEBIT 3,147.63 9,262.92\n11/10 POS PURCHASE 503.57 8,759.35\n10/18 ACH CREDIT 2,762.00 11,521.35\n10/21 POS 44.21 11,277.14'],
    ['a contact list', 'Name Email Phone\nAmara Okonkwo amara.okonkwo@example-mail.net (415) 555-0132\nLars Johansson lars_j@example.org +46 8 123 456 78\nNguyen Thi Minh minh.nguyen@example.com 555-0199'],
  ])('reads %s as language', (_name, text) => {
    expect(assessText(text)).toEqual({ plausible: true, reason: null });
  });

  it('reads every synthetic training and test page as language', () => {
    const pages = [...pagesOf('synthetic/test.jsonl'), ...pagesOf('synthetic/train.jsonl').slice(0, 3000)];
    const flagged = pages.filter((p) => !assessText(p).plausible);
    expect(flagged).toEqual([]);
  });

  it.each([
    ['one character repeated (a file another reader cannot open)', 'a'.repeat(16_500), /one character repeated/],
    ['control characters from a font without a character map', random(600, '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u000e\u000f '), /unmapped glyphs/],
    ['private-use code points', random(600, '\uE001\uE002\uE003\uE004 '), /unmapped glyphs/],
    ['printable ASCII soup', random(800, ASCII), /unusual symbols|random capitals|without vowels/],
    ['Latin-1 soup', random(800, 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ¶¤¦ '), /unusual symbols|random capitals/],
    ['random lower-case words', random(800, 'abcdefghijklmnopqrstuvwxyz     '), /without vowels|no common words/],
    ['letters of three scripts in one word', random(800, 'αβγδεζηθabcdefghабвгдежз    '), /mixing scripts/],
  ])('judges %s garbage', (_name, text, why) => {
    const q = assessText(text);
    expect(q.plausible).toBe(false);
    expect(q.reason).toMatch(why);
  });

  it('does not judge a few characters either way', () => {
    expect(assessText("'>in yë¶").plausible).toBe(true);
  });
});
