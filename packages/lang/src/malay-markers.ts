/**
 * Words that tell standard Malaysian Malay and Indonesian apart. Written by hand from the
 * well-known differences between the two standards (Dewan Bahasa dan Pustaka spelling and
 * vocabulary against KBBI's), not mined from any evaluation data: paired spellings
 * (kerana/karena, wang/uang, fikir/pikir), paired loanword endings (-iti/-itas,
 * -syen/-si), month and day names, and everyday words each side uses where the other does not
 * (kereta/mobil, kilang/pabrik, tempahan/pesanan). Words both standards use freely are left out
 * even when one side favours them (beliau, ialah, hendak, tak, daripada, dasar).
 */

function words(...lists: string[]): ReadonlySet<string> {
  return new Set(lists.flatMap((list) => list.split(/\s+/)).filter((word) => word.length > 0));
}

export const MALAYSIAN_WORDS: ReadonlySet<string> = words(
  // spellings
  `
    kerana bahawa iaitu mahu sahaja baharu wang lapan fikir berfikir fikiran faham
    memahamkan kefahaman nasihat sihat kesihatan ubat ubatan tentera kenderaan beza berbeza
    perbezaan membezakan sedar kesedaran menyedari hairan kahwin berkahwin perkahwinan
    isteri lelaki jambatan stesen justeru bahagian sebahagian pelbagai kepelbagaian jawapan
    khuatir bapa sentiasa terutamanya sekiranya sebarang selepas semasa manakala apabila
  `,
  // loanwords spelt the Malaysian way
  `
    kualiti kuantiti aktiviti komuniti fasiliti kapasiti identiti realiti prioriti majoriti
    minoriti komoditi universiti kreativiti produktiviti sekuriti integriti elektrik
    televisyen komisyen pencen muzik muzium fizik matematik filem doktor telefon teksi bas
    polis projek pakej saiz invois insurans kempen parti teknikal rasmi sijil akaun ejen
    mesej emel nombor kolej minit bilion trilion peratus zon
  `,
  // months and days
  `
    mac jun julai ogos disember isnin khamis jumaat
  `,
  // vocabulary
  `
    kereta lori basikal motosikal tayar petrol kedai kilang syarikat pembekal tempahan
    menempah menghantar dihantar penghantaran hantar perniagaan peniaga perkhidmatan
    pelancongan pelancong kerajaan antarabangsa mahkamah peguam jawatan jawatankuasa
    kakitangan elaun soalan maklumat akhbar sukan jurulatih kejohanan pingat pensyarah
    peperiksaan penyelidikan penyelidik perisian perkakasan rangkaian talian butang tasik
    cukai pejabat mesyuarat sempena encik puan awak sila esok sukar teruk seronok risau
    bimbang tengok barangan pengeluar kos kawasan tandas percuma bilik tingkap kerusi
    jururawat jurutera
  `,
  // colloquial
  `
    takde tiada nak korang diorang camne sikit je jer kat kot
  `,
);

export const INDONESIAN_WORDS: ReadonlySet<string> = words(
  // spellings
  `
    karena bahwa yaitu mau uang delapan pikir berpikir pikiran paham pemahaman
    nasehat sehat kesehatan obat obatan tentara kendaraan beda berbeda perbedaan membedakan
    sadar kesadaran menyadari heran kawin perkawinan istri jembatan stasiun justru bagian
    sebagian berbagai jawaban khawatir bapak senantiasa sesudah kemarin besok
  `,
  // loanwords spelt the Indonesian way
  `
    kualitas kuantitas aktivitas komunitas fasilitas kapasitas identitas realitas prioritas
    mayoritas minoritas komoditas universitas kreativitas produktivitas efektivitas
    stabilitas listrik televisi komisi pensiun musik museum fisika matematika film dokter
    telepon taksi bus polisi proyek paket ukuran faktur asuransi kampanye partai teknis
    resmi sertifikat akun agen nomor menit miliar triliun persen zona
  `,
  // months and days
  `
    maret juni juli agustus desember senin kamis jumat
  `,
  // vocabulary
  `
    mobil truk sepeda bensin toko pabrik perusahaan pemasok pesanan mengirim dikirim
    pengiriman kirim bisnis layanan pariwisata wisatawan pemerintah internasional pengadilan
    pengacara karyawan pertanyaan informasi koran olahraga sepakbola pelatih medali dosen
    penelitian peneliti perangkat jaringan daring tombol danau pajak kantor rapat bisa
    silakan kalian kapan sulit biaya ongkos produsen wilayah gratis kamar jendela kursi
    perawat insinyur situs ponsel kakek karyawati
  `,
  // colloquial
  `
    nggak enggak gak kok sih dong deh gimana banget kayak aja udah bikin gue gua kalo emang
    gitu gini doang nih tuh pengen cewek cowok
  `,
);
