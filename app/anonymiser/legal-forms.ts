/**
 * Legal forms as companies write them after their name, with their capitals and dots: "s.r.o." and
 * "a.s." (Czech, Slovak), "sp. z o.o." (Polish), "A/S" (Danish), "e Hijos" (Spanish). Written out
 * exactly, so the lower-case ones are forms only where they stand after a name, never words of
 * a sentence. One-word forms that are also everyday words ("AS", "SA") keep their capitals.
 */
const WRITTEN_FORMS = [
  // several words
  'GmbH & Co. KG', 'GmbH & Co. OHG', 'AG & Co. KG', 'spol. s r.o.', 'spol. s r. o.', 'sp. z o.o.', 'Sp. z o.o.', 'sp. z o. o.', 'Sp. z o. o.',
  'S.A. de C.V.', 'S. de R.L.', 'Ltd. Şti.', 'Co., Ltd.', 'Co. Ltd.', 'Co., Ltd', 'Pty. Ltd.', 'Pty Ltd', 'Sdn. Bhd.', 'Sdn Bhd',
  'e figli', 'e Figli', 'et fils', 'et Fils', 'e hijos', 'e Hijos', 'y hijos', 'y Hijos', 'e filhos', 'e Filhos', 'und Söhne', '& Söhne',
  '& Sons', 'and Sons', '& Co.', 'og Sønner', '& Sønner', 'y Asociados', 'e Associados', 'és Társa', 'és Tsa.',
  // with dots or a slash
  's.r.o.', 'a.s.', 'v.o.s.', 'k.s.', 'd.o.o.', 'd.d.', 's.p.', 'S.R.L.', 's.r.l.', 'S.r.l.', 's.p.a.', 'S.p.A.', 's.n.c.',
  'S.n.c.', 's.a.s.', 'S.a.s.', 'sp. j.', 'Sp. j.', 'sp. k.', 'Sp. k.', 'sp. p.', 'Sp. p.', 's.c.', 'S.A.', 'S.L.U.', 'S.L.', 'S.A.S.', 'S.C.',
  'S/A', 'Ltda.', 'Lda.', 'B.V.', 'N.V.', 'V.O.F.', 'e.K.', 'e.V.', 'e.G.', 'K.K.', 'A.Ş.', 'Kft.', 'Zrt.', 'Nyrt.', 'Bt.', 'Inc.', 'Corp.',
  'Ltd.', 'Co.', 'Α.Ε.', 'Ε.Π.Ε.', 'Ο.Ε.', 'A/S', 'I/S', 'K/S', 'P/S',
  // one word
  'GmbH', 'AG', 'KG', 'OHG', 'UG', 'BV', 'NV', 'AB', 'HB', 'KB', 'Aktiebolag', 'Handelsbolag', 'Kommanditbolag', 'ApS', 'AS', 'ASA', 'Oy',
  'Oyj', 'Ky', 'SA', 'SAS', 'SARL', 'EURL', 'SpA', 'Srl', 'SRL', 'Ltd', 'Inc', 'LLC', 'LLP', 'PLC', 'plc', 'Limited', 'EIRELI', 'Ltda',
  'Lda', 'Kft', 'Zrt', 'Tbk', 'Asociados', 'Associados', 'Hermanos', 'Irmãos', 'ООО', 'ЗАО', 'ОАО', 'ПАО', 'АД', 'ЕООД', 'ООД', 'ТОВ',
]

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** The forms as one alternation, longest first so "Co., Ltd." wins over "Co.". */
export const LEGAL_FORM_SOURCE = [...new Set(WRITTEN_FORMS)]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|')
