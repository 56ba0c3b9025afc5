"""Generate the shipped sample complaints of the fictional Kabupaten Sukamaju Raya.

Everything here is invented: places, people, phone numbers, NIKs, plates, URLs.
Deterministic: `python -m training.sample_data.make_sample` rewrites
`triage/data/sample_complaints.csv` byte-for-byte identically for the same SEED.

Structure: shared pools (places, people, openings/closings, stories), per-agency
category specs (problems, details, titles, aspirations, questions), hand-written
reports, hoax material, register/noise functions, and the assembly in `build()`.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
from collections import Counter
from pathlib import Path

SEED = 20240117
KAB = "Sukamaju Raya"
OUT = Path(__file__).resolve().parents[2] / "triage" / "data" / "sample_complaints.csv"

# ---------------------------------------------------------------- places
KECAMATAN = {
    "KEC_SUKAJADI": ("Sukajadi", ["Sukamekar", "Cilimus", "Babakan Asih", "Mekarwangi", "Sukajadi Kidul"]),
    "KEC_CIBEUREUM": ("Cibeureum", ["Cibeureum Hilir", "Pasirjati", "Situraja", "Cikadu", "Ciwalen"]),
    "KEC_NGADIREJO": ("Ngadirejo", ["Ngadirejo Lor", "Sidomulyo", "Wonoasri", "Kedungwaru", "Banyuurip"]),
    "KEC_KARANGMULYA": ("Karangmulya", ["Karangmulya", "Tegalsari", "Kalibening", "Jatimulyo", "Karanganyar Kulon"]),
    "KEC_TANJUNGSARI": ("Tanjungsari", ["Tanjungsari Wetan", "Sindanglaya", "Margaluyu", "Pagerwangi", "Cipanas Girang"]),
}
DESA = [(k, kec, d) for k, (kec, ds) in KECAMATAN.items() for d in ds]
JALAN = [
    "Jl. Raya Sukamaju", "Jl. Pahlawan", "Jl. Veteran", "Jl. Siliwangi", "Jl. Diponegoro", "Jl. Merdeka",
    "Jl. Ahmad Yani", "Jl. Raya Cibeureum", "Jl. Lingkar Selatan", "Jl. Pasar Baru", "Jl. KH Hasyim Asyari",
    "Jl. Melati", "Jl. Kenanga", "Jl. Raya Ngadirejo", "Jl. Stasiun", "Jl. Gatot Subroto", "Jl. Sudirman",
    "Jl. Raya Tanjungsari", "Jl. Karangmulya - Kalibening", "Jl. Cut Nyak Dien", "Jl. Kartini", "Jl. Pramuka",
    "Jl. Sersan Bajuri", "Jl. Lingkar Utara", "Jl. Raya Situraja", "Jl. Mangga Dua", "Jl. Rajawali",
    "Jl. Dr. Wahidin", "Jl. Bhayangkara", "Jl. Sindanglaya", "Jl. Pemuda", "Jl. Raya Wonoasri",
]
GANG = ["Gg. Mawar", "Gg. Dahlia", "Gg. Masjid", "Gg. Haji Umar", "Gg. Buntu", "Gg. Sawo", "Gg. Kelinci", "Gg. Damai"]
PERUM = ["Perum Griya Sukamaju Asri", "Perum Bumi Cibeureum Indah", "Perumahan Puri Tegalsari", "Perum Taman Sindanglaya",
         "Perumnas Ngadirejo", "Perum Graha Mekarwangi", "Komplek Pasirjati Permai"]
LANDMARK = [
    "depan masjid Al-Ikhlas", "dekat SDN 2 {desa}", "samping alun-alun", "depan pasar {kec}", "pertigaan dekat indomaret",
    "dekat jembatan Cikadu", "depan kantor desa {desa}", "belakang terminal", "dekat pom bensin", "perempatan lampu merah",
    "depan puskesmas {kec}", "dekat makam", "ujung gang", "depan SMPN 1 {kec}", "dekat balai desa", "pinggir sawah",
    "dekat stasiun", "depan gereja", "samping lapangan bola", "dekat pabrik tekstil", "depan toko bangunan",
]
PASAR = ["Pasar Baru Sukamaju", "Pasar Cibeureum", "Pasar Ngadirejo", "Pasar Kalibening", "Pasar Tanjungsari", "Pasar Induk Sukamaju Raya"]
SUNGAI = ["Sungai Cibeureum", "Kali Bening", "Sungai Cikadu", "Kali Wonoasri", "Sungai Cipanas"]
SEKOLAH = ["SDN 1 {desa}", "SDN 3 {desa}", "SMPN 2 {kec}", "SMPN 4 Sukamaju Raya", "SMAN 1 {kec}", "SMKN 2 Sukamaju Raya", "MI Al-Hidayah {desa}"]

FIRST = ["Asep", "Dedi", "Siti", "Rina", "Budi", "Sri", "Agus", "Yuni", "Eko", "Wahyu", "Nining", "Ujang", "Cecep", "Tuti",
         "Slamet", "Joko", "Dewi", "Lilis", "Iwan", "Ratna", "Bambang", "Endang", "Heri", "Nur", "Fitri", "Rizky", "Ayu",
         "Hendra", "Puspita", "Tatang", "Imas", "Suparman", "Wulan", "Dadang", "Yanti", "Rudi", "Euis", "Teguh", "Lestari",
         "Fajar", "Aan", "Neneng", "Sugeng", "Kartika", "Dimas", "Mulyani", "Ikhsan", "Susi", "Ahmad", "Ani"]
LAST = ["Saputra", "Hidayat", "Rahmawati", "Suryana", "Kusnadi", "Wibowo", "Lestari", "Setiawan", "Nurhayati", "Permana",
        "Gunawan", "Purnomo", "Sulastri", "Maulana", "Handayani", "Supriatna", "Prasetyo", "Kurniawan", "Rohmah", "Sutisna"]
PLATE_PREFIX = ["B", "D", "E", "Z", "AD", "AA", "F", "T", "H", "R"]

DURASI = ["2 minggu", "3 minggu", "sebulan", "2 bulan", "3 bulan", "hampir setahun", "lebih dari 6 bulan", "seminggu",
          "5 hari", "4 hari", "berbulan-bulan", "dari tahun lalu", "sejak lebaran", "sejak musim hujan", "10 hari", "2 tahun"]

OPEN_INFORMAL = ["", "", "", "", "min ", "lapor min, ", "pak, ", "assalamualaikum, ", "permisi, ", "selamat pagi, ", "mau lapor ",
                 "halo admin, ", "tolong pak, ", "punten, ", "nuwun sewu, ", "sore min, ", "mohon maaf mengganggu, ", "ijin lapor, "]
OPEN_FORMAL = [
    "Yth. Bapak Bupati {kab},\nDengan hormat, saya {nama}, warga Desa {desa} RT {rt}/RW {rw} Kecamatan {kec}, ingin menyampaikan pengaduan sebagai berikut.",
    "Kepada Yth. Bapak/Ibu Pimpinan Dinas terkait di Kabupaten {kab}. Dengan hormat, melalui kanal LAPOR ini saya ingin menyampaikan bahwa",
    "Assalamualaikum wr. wb. Yth. Bapak Bupati. Saya {nama}, tinggal di {desa}, Kec. {kec}. Mohon izin menyampaikan keluhan warga kami.",
    "Dengan hormat, Bapak/Ibu yang kami hormati. Kami warga RT {rt} RW {rw} Desa {desa} bermaksud melaporkan permasalahan berikut.",
    "Yth. Admin LAPOR Kabupaten {kab}, perkenalkan nama saya {nama} ({umur} th), warga {desa}.",
]
CLOSE_INFORMAL = ["", "", "", " mohon ditindaklanjuti", " tolong segera", " makasih", " trims", " terima kasih min", " mohon segera diperbaiki",
                  " tlg dicek", " ditunggu responnya", " jangan cuma difoto doang", " hatur nuhun", " matur nuwun", " suwun",
                  " semoga cepat ditangani", " sudah lapor RT tapi belum ada hasil", " mohon perhatiannya", " thanks"]
CLOSE_FORMAL = [
    "Demikian pengaduan ini saya sampaikan. Atas perhatian dan tindak lanjutnya saya ucapkan terima kasih.",
    "Besar harapan kami agar permasalahan ini segera ditindaklanjuti. Terima kasih.",
    "Mohon kiranya Bapak/Ibu berkenan menindaklanjuti laporan ini. Hormat saya, {nama}.",
    "Atas perhatian Bapak/Ibu kami ucapkan terima kasih. Wassalamualaikum wr. wb.",
    "Demikian, mohon maaf bila ada kata yang kurang berkenan. Terima kasih.",
]
CONTACT = [
    "Bisa hubungi saya di {hp}.", "No HP saya {hp}", "kontak {hp} (WA)", "Email: {email}", "NIK saya {nik}.",
    "nama saya {nama}, hp {hp}", "Pelapor: {nama}, {hp}", "wa {hp}", "Hubungi {hp} a.n. {nama}",
]
HISTORY = [
    "Sudah pernah kami laporkan ke pak RT dan ke kantor desa tapi katanya harus lewat kabupaten.",
    "Laporan yang sama sudah saya kirim {dur} lalu tapi sampai sekarang belum ada tindak lanjut.",
    "Pernah ada petugas datang foto-foto, tapi setelah itu tidak ada kabar lagi.",
    "Warga sudah swadaya iuran tapi tidak cukup, jadi kami mohon bantuan pemerintah.",
    "Kata perangkat desa sudah diajukan di musrenbang, tapi sampai sekarang belum terealisasi.",
    "Sudah viral di grup facebook warga {kec} tapi tetap belum ada respon.",
    "Waktu kampanye dijanjikan akan diperhatikan, nyatanya sampai sekarang masih begini.",
    "Saya sudah telepon ke kantornya dua kali tapi tidak diangkat.",
    "Kemarin sempat dicek petugas, katanya menunggu anggaran tahun depan.",
    "Ketua RW kami sudah buat surat resmi, tapi belum dibalas.",
]
IMPACT = [
    "Warga sangat dirugikan.", "Anak-anak sekolah yang paling kasihan.", "Kami jadi takut kalau malam.",
    "Sudah ada korban, jangan tunggu lebih banyak lagi.", "Aktivitas ekonomi warga terganggu.",
    "Orang tua dan lansia kesulitan.", "Kami bayar pajak tapi pelayanannya begini.", "Warga resah dan mulai emosi.",
    "Pedagang kecil juga kena dampaknya.", "Ini sudah membahayakan keselamatan.", "Banyak warga mengeluh di grup WA RT.",
]
STORY = [
    "Kemarin sore ibu saya yang sudah sepuh hampir jatuh waktu lewat situ, untung ada tetangga yang menolong.",
    "Minggu lalu tetangga saya, pak {nama2}, harus izin kerja setengah hari hanya karena masalah ini.",
    "Saya sendiri sudah tiga kali bolak-balik, ongkos ojek saja sudah habis lebih dari Rp {rp}.",
    "Anak saya yang kelas {kelas} sampai menangis karena takut, dan saya sebagai orang tua tidak bisa berbuat banyak.",
    "Waktu itu hujan deras, saya pulang kerja jam sepuluh malam dan kondisinya benar-benar gelap.",
    "Saya ini buruh harian, kalau satu hari tidak kerja ya tidak makan, jadi mohon dipahami kondisi kami.",
    "Kami sebenarnya tidak ingin mengeluh, tapi sudah tidak ada jalan lain selain lewat LAPOR ini.",
    "Di grup WA warga sudah ramai, ada yang mau demo ke kantor desa, tapi saya minta sabar dulu dan lapor lewat jalur resmi.",
    "Sebagai warga yang taat bayar PBB tiap tahun, saya merasa berhak mendapat pelayanan yang layak.",
    "Istri saya sedang hamil tua, jadi hal seperti ini sangat mengkhawatirkan bagi keluarga kami.",
    "Pernah ada mahasiswa KKN yang mendata, katanya akan disampaikan ke dinas, tapi sampai sekarang tidak ada kabar.",
    "Saya tinggal di sini sejak kecil, dulu keadaannya tidak separah ini, tapi beberapa tahun terakhir makin lama makin buruk dan seperti tidak ada yang peduli.",
    "Bulan lalu ada tamu dari kota yang berkunjung ke rumah, dan jujur saya malu dengan kondisi kampung kami.",
    "Tetangga saya yang berjualan gorengan bilang omzetnya turun setengah sejak masalah ini muncul, karena pembeli enggan datang.",
    "Suami saya bekerja shift malam di pabrik, jadi setiap berangkat dan pulang saya selalu was-was memikirkan keselamatannya.",
    "Kami sudah mencoba menyelesaikan secara kekeluargaan dengan musyawarah di masjid, tetapi hasilnya nihil karena ini di luar kemampuan warga.",
    "Saya sampai mencatat tanggal-tanggal kejadiannya di buku, dan kalau dihitung sudah lebih dari sepuluh kali dalam dua bulan.",
    "Ketika saya sampaikan ke petugas di lapangan, jawabannya selalu sama: sudah dilaporkan ke atasan, tunggu saja.",
    "Tolong jangan anggap ini laporan iseng, saya menulis ini dengan sungguh-sungguh karena menyangkut banyak orang.",
]
REQUEST = [
    "Mohon segera ditindaklanjuti.", "Tolong dicek ke lokasi.", "Kami mohon ada solusi secepatnya.",
    "Mohon petugas turun langsung.", "Mohon diperhatikan.", "Tolong jangan dibiarkan terus.",
    "Kami menunggu tindak lanjut dari instansi terkait.", "Mohon kejelasannya.",
]
ENGLISH = ["please", "asap", "seriously", "so sad", "no respon at all", "thanks", "btw", "fyi", "really disappointed",
           "this is not ok", "please fix", "urgent", "anyway"]

# ---------------------------------------------------------------- agency / category specs
# probs: core problem statements; det: extra details; tit: titles; asp: aspirations (usulan);
# info: questions (permintaan informasi). Slots are filled by `fill()`.
SPEC: dict[str, dict[str, dict[str, list[str]]]] = {
    "DPUPR": {
        "Jalan Rusak": dict(
            probs=["jalan di {jalan} rusak parah banyak lubang", "jalan desa {desa} berlubang dan aspalnya mengelupas",
                   "aspal {jalan} ambles di dekat {landmark}", "jalan penghubung {desa} ke {desa2} hancur tinggal batu",
                   "lubang besar di tengah jalan {jalan} sedalam kira-kira 30 cm", "jalan kabupaten ruas {desa} - {desa2} rusak sepanjang {km} km",
                   "jalan rusak di {jalan}, kalau hujan jadi kubangan", "jalan cor di {desa} sudah retak-retak dan pecah",
                   "jalan baru diaspal {dur} lalu sudah rusak lagi", "jalanan di {jalan} bergelombang parah"],
            det=["sudah {dur} dibiarkan", "sering ada pengendara motor jatuh", "truk tambang lewat tiap hari", "kalau malam tidak kelihatan lubangnya",
                 "warga sudah tanam pohon pisang di lubangnya sebagai tanda", "mobil ambulans saja susah lewat", "kualitas aspalnya asal-asalan",
                 "tambalan kemarin sudah lepas lagi", "anak sekolah harus jalan kaki memutar"],
            tit=["Jalan rusak parah", "Jalan berlubang di {desa}", "Perbaikan jalan {jalan}", "Jalan ambles", "JALAN RUSAK", "Aspal mengelupas"],
            asp=["pengaspalan ulang jalan {jalan}", "pelebaran jalan penghubung {desa} - {desa2}", "pembangunan jalan cor di dusun kami",
                 "jalan {jalan} dibuat lebih tebal karena dilewati truk"],
            info=["kapan jalan {jalan} akan diperbaiki", "apakah jalan {desa} - {desa2} itu jalan kabupaten atau jalan provinsi",
                  "berapa anggaran perbaikan jalan di {kec} tahun ini", "siapa kontraktor proyek jalan {jalan} dan berapa lama masa pemeliharaannya"]),
        "Jembatan": dict(
            probs=["jembatan di {desa} retak dan lantainya bolong", "jembatan gantung {desa} tali slingnya sudah karatan",
                   "oprit jembatan dekat {landmark} ambles", "jembatan kayu di dusun {desa} papannya lapuk",
                   "pagar pengaman jembatan {sungai} hilang", "jembatan penghubung {desa} dan {desa2} putus"],
            det=["anak sekolah tiap hari lewat situ", "motor harus dituntun satu-satu", "kalau banjir airnya sampai ke lantai jembatan",
                 "sudah ada yang jatuh ke sungai", "truk dilarang lewat tapi tetap lewat"],
            tit=["Jembatan rusak", "Jembatan {desa} membahayakan", "Jembatan putus", "Oprit jembatan ambles"],
            asp=["pembangunan jembatan permanen di {desa}", "penambahan pagar pengaman jembatan {sungai}"],
            info=["apakah jembatan {desa} masuk rencana perbaikan tahun depan", "berapa batas beban jembatan {sungai}"]),
        "Banjir/Drainase": dict(
            probs=["saluran drainase di {jalan} tersumbat jadi tiap hujan air meluap ke jalan", "gorong-gorong di {landmark} mampet",
                   "selokan depan rumah warga RT {rt} tidak ada alirannya", "drainase jalan {jalan} tertutup tanah dan sampah",
                   "tiap hujan deras {jalan} tergenang setinggi lutut", "saluran air di {desa} dangkal dan airnya balik ke rumah warga",
                   "air hujan dari jalan masuk ke rumah karena tidak ada saluran", "tanggul irigasi di {desa} jebol sedikit dan air masuk ke sawah"],
            det=["genangan bisa sampai {n} jam", "motor banyak yang mogok", "air masuk ke rumah warga", "baunya menyengat",
                 "jadi sarang nyamuk", "sudah kerja bakti tapi tetap mampet", "saluran terlalu kecil"],
            tit=["Drainase mampet", "Genangan air di {jalan}", "Banjir tiap hujan", "Gorong-gorong tersumbat", "Saluran air"],
            asp=["normalisasi saluran di {desa}", "pembuatan drainase baru di {jalan}", "pelebaran gorong-gorong di {landmark}"],
            info=["apakah ada program normalisasi saluran tahun ini", "kemana warga harus mengajukan pembuatan saluran drainase"]),
        "Tata Ruang/Bangunan": dict(
            probs=["ada bangunan ruko berdiri di atas saluran air di {jalan}", "bangunan baru di {desa} memakan bahu jalan",
                   "pembangunan gudang di {desa} menutup aliran sungai kecil", "rumah di sempadan {sungai} terus bertambah"],
            det=["kami curiga tidak ada izinnya", "setiap hujan air jadi meluap", "sudah kami tegur tapi pemiliknya cuek"],
            tit=["Bangunan di atas saluran", "Pelanggaran tata ruang", "Bangunan liar"],
            asp=["penertiban sempadan sungai", "penataan ruang terbuka di {kec}"],
            info=["bagaimana cara cek rencana tata ruang untuk tanah di {desa}", "apakah tanah di {desa} termasuk zona sawah lestari"]),
    },
    "DISHUB": {
        "Lampu Penerangan Jalan": dict(
            probs=["lampu jalan di {jalan} mati", "PJU di {landmark} padam sudah {dur}", "lampu penerangan jalan {jalan} mati semua sepanjang {km} km",
                   "lampu jalan depan rumah kedip-kedip", "tiang PJU di {jalan} miring mau roboh", "lampu jalan nyala siang mati malam",
                   "lampu jalan di {desa} mati total, jalanan gelap gulita"],
            det=["rawan begal", "sudah ada yang jatuh karena gelap", "kabelnya menjuntai", "anak-anak pulang ngaji lewat situ",
                 "warga terpaksa pasang lampu sendiri", "di situ tikungan tajam"],
            tit=["PJU mati", "Lampu jalan mati", "Penerangan jalan", "Tiang PJU miring", "Jalan gelap"],
            asp=["pemasangan lampu jalan di {jalan}", "penambahan PJU di jalan menuju {desa}", "lampu jalan tenaga surya di dusun kami"],
            info=["bagaimana cara mengajukan pemasangan PJU baru", "apakah PJU di jalan desa tanggung jawab dishub atau desa"]),
        "Parkir Liar": dict(
            probs=["parkir liar di {jalan} bikin macet", "juru parkir liar di {landmark} minta Rp {rp} padahal tidak ada karcis",
                   "mobil parkir di bahu jalan {jalan} sampai dua lapis", "trotoar depan minimarket dipakai parkir motor",
                   "tukang parkir di {pasar} maksa dan kasar", "parkir di depan {sekolah} menutup jalan"],
            det=["tidak pakai karcis resmi", "kalau ditolak marah-marah", "tiap sore macet panjang", "ambulans pernah tertahan"],
            tit=["Parkir liar", "Jukir liar", "Parkir sembarangan", "Pungutan parkir"],
            asp=["penyediaan kantong parkir di {pasar}", "parkir elektronik di pusat kota"],
            info=["berapa tarif resmi parkir tepi jalan di {kab}", "bagaimana membedakan jukir resmi dan liar"]),
        "Lalu Lintas/Rambu": dict(
            probs=["lampu lalu lintas di {landmark} mati", "traffic light perempatan {jalan} error nyala hijau semua",
                   "rambu dilarang parkir di {jalan} tertutup pohon", "tidak ada zebra cross di depan {sekolah}",
                   "marka jalan {jalan} sudah hilang", "banyak truk over dimensi lewat {jalan} siang hari", "cermin tikungan di {desa} pecah"],
            det=["hampir terjadi tabrakan", "macet parah tiap pagi", "anak-anak susah menyeberang", "polisi tidur dibuat warga terlalu tinggi"],
            tit=["Traffic light mati", "Rambu lalu lintas", "Zebra cross", "Truk over dimensi", "Marka jalan"],
            asp=["pemasangan lampu lalu lintas di perempatan {jalan}", "pembuatan zebra cross depan {sekolah}", "penambahan rambu di tikungan {desa}"],
            info=["jam berapa truk besar boleh masuk kota", "bagaimana prosedur izin penutupan jalan untuk hajatan"]),
        "Angkutan Umum": dict(
            probs=["angkot jurusan {kec} - terminal ngetem lama", "sopir angkot menaikkan tarif seenaknya jadi Rp {rp}",
                   "bus sekolah gratis tidak lewat {desa} lagi", "angkutan desa ke {desa} sudah tidak ada sejak {dur}",
                   "terminal {kec} kotor dan banyak calo", "ojek pangkalan melarang ojol ambil penumpang di {landmark}"],
            det=["anak sekolah jadi telat", "penumpang dipaksa turun di tengah jalan", "sopirnya ugal-ugalan"],
            tit=["Angkot ngetem", "Tarif angkot", "Bus sekolah", "Angkutan desa"],
            asp=["trayek angkutan ke {desa}", "penambahan armada bus sekolah gratis"],
            info=["berapa tarif resmi angkot {kec} - terminal", "jadwal bus sekolah gratis rute {kec}", "bagaimana cara uji KIR kendaraan niaga"]),
    },
    "DLH": {
        "Sampah": dict(
            probs=["sampah di TPS {desa} menumpuk tidak diangkut", "truk sampah tidak datang ke {perum} sudah {dur}",
                   "orang buang sampah sembarangan di pinggir {jalan}", "sampah menumpuk di {landmark} sampai ke badan jalan",
                   "tumpukan sampah liar di bantaran {sungai}", "petugas sampah minta uang tambahan Rp {rp}",
                   "bak sampah di {jalan} penuh dan bau", "sampah di {pasar} berserakan"],
            det=["baunya sampai ke rumah", "banyak lalat dan tikus", "anjing liar bongkar sampah", "dibakar malam-malam asapnya ke rumah warga",
                 "air lindinya ngalir ke jalan", "sudah bayar iuran tiap bulan"],
            tit=["Sampah menumpuk", "TPS penuh", "Sampah tidak diangkut", "Buang sampah sembarangan", "Sampah liar"],
            asp=["penambahan jadwal angkut sampah di {desa}", "pembangunan TPS3R di {kec}", "bank sampah di tiap RW"],
            info=["jadwal truk sampah ke {desa} hari apa saja", "berapa retribusi sampah rumah tangga", "bagaimana cara membuat bank sampah"]),
        "Pencemaran Lingkungan": dict(
            probs=["pabrik di {desa} buang limbah ke {sungai}, airnya hitam", "asap pabrik di {desa} bikin sesak napas",
                   "bau busuk dari peternakan ayam di {desa}", "limbah tahu dibuang ke selokan di {desa}",
                   "air sumur warga berubah warna sejak ada pabrik", "pembakaran sampah plastik di {desa} tiap malam",
                   "suara mesin pabrik bising sampai malam", "ikan di {sungai} mati mengambang"],
            det=["anak-anak batuk terus", "air sungai tidak bisa dipakai lagi", "baunya sampai radius 1 km", "sudah ditegur tapi tetap"],
            tit=["Limbah pabrik", "Pencemaran sungai", "Bau menyengat", "Polusi udara", "Ikan mati"],
            asp=["uji kualitas air {sungai} rutin", "pengawasan ketat limbah industri di {kec}"],
            info=["bagaimana cara melaporkan pencemaran dan minta uji lab air", "apakah pabrik di {desa} punya izin lingkungan"]),
        "Pohon/Taman": dict(
            probs=["pohon besar di {jalan} miring mau tumbang", "dahan pohon di {landmark} kena kabel listrik",
                   "taman kota kotor dan lampunya mati", "pohon tumbang menutup trotoar {jalan}", "rumput taman alun-alun tidak terawat",
                   "pohon peneduh di {jalan} ditebang tanpa izin"],
            det=["kalau angin kencang rantingnya jatuh", "sudah lapuk di bagian bawah", "menghalangi pengendara"],
            tit=["Pohon rawan tumbang", "Taman kota", "Pemangkasan pohon", "Penebangan pohon"],
            asp=["penambahan taman bermain anak di {kec}", "penanaman pohon di {jalan}", "RTH di {desa}"],
            info=["bagaimana prosedur minta pemangkasan pohon", "apakah boleh menebang pohon di depan rumah sendiri"]),
    },
    "DISDUKCAPIL": {
        "KTP-el/KK": dict(
            probs=["KTP elektronik saya belum jadi sudah {dur}", "blangko KTP-el habis terus", "perubahan KK di {kec} lama sekali",
                   "rekam KTP untuk anak yang baru 17 tahun antreannya panjang", "NIK saya tidak terdaftar waktu daftar BPJS",
                   "data di KK salah tulis nama ibu", "KTP hilang mau urus ulang disuruh bolak-balik", "status perkawinan di KTP belum berubah",
                   "aplikasi antrean online dukcapil error terus", "diminta biaya Rp {rp} untuk urus KK oleh oknum"],
            det=["cuma dikasih resi terus", "katanya servernya down", "saya harus ambil cuti kerja", "antre dari subuh",
                 "padahal butuh untuk melamar kerja", "petugasnya judes"],
            tit=["KTP belum jadi", "Urus KK", "Blangko KTP habis", "NIK tidak terdaftar", "Antrean dukcapil", "Data KK salah"],
            asp=["jemput bola perekaman KTP di {desa}", "layanan dukcapil buka hari Sabtu", "pelayanan adminduk di kecamatan {kec}"],
            info=["apa syarat pindah domisili dari luar kota", "berapa lama proses cetak KTP-el", "apakah urus KK dipungut biaya",
                  "bagaimana cara cetak KK sendiri di rumah", "apakah bisa urus KTP di kecamatan saja"]),
        "Akta Kelahiran/Kematian": dict(
            probs=["akta kelahiran anak saya belum jadi {dur}", "akta kematian bapak saya salah tanggal", "urus akta lahir syaratnya berbelit",
                   "akta kelahiran online sudah disetujui tapi belum bisa dicetak", "nama anak di akta salah huruf"],
            det=["dibutuhkan untuk daftar sekolah", "untuk klaim asuransi", "petugas bilang tunggu saja"],
            tit=["Akta kelahiran", "Akta kematian", "Salah nama di akta"],
            asp=["layanan akta kelahiran langsung di rumah sakit", "penerbitan akta di puskesmas"],
            info=["apa syarat akta kelahiran untuk anak yang lahir di rumah", "apakah akta kematian bisa diurus keluarga jauh"]),
    },
    "DINSOS": {
        "Bansos/PKH": dict(
            probs=["bansos PKH di {desa} salah sasaran, yang mampu dapat yang miskin tidak", "BPNT saya tidak cair sudah {dur}",
                   "nama saya hilang dari DTKS padahal tidak mampu", "pendamping PKH potong bantuan Rp {rp}",
                   "tetangga punya mobil dapat BLT sedangkan janda tua tidak", "beras bantuan kualitasnya jelek dan berkutu",
                   "kartu KKS tidak bisa dipakai di agen", "bantuan lansia untuk nenek saya berhenti tiba-tiba", "penyaluran bansos di balai desa tidak transparan"],
            det=["sudah lapor ke desa katanya tunggu", "saya janda punya 3 anak", "rumah saya masih bilik bambu",
                 "yang dapat malah saudara perangkat desa", "agen e-warong jual paksa sembako"],
            tit=["Bansos salah sasaran", "PKH tidak cair", "Tidak terdaftar DTKS", "Potongan bansos", "BPNT"],
            asp=["pendataan ulang penerima bansos di {desa}", "pengumuman daftar penerima bansos di balai desa"],
            info=["bagaimana cara daftar DTKS", "kapan PKH tahap berikutnya cair", "bagaimana cek apakah saya penerima bansos",
                  "apa syarat mendapatkan bantuan lansia"]),
        "Disabilitas/ODGJ/Terlantar": dict(
            probs=["ada ODGJ berkeliaran di {landmark}", "lansia hidup sendiri di {desa} tidak ada yang urus", "anak jalanan di perempatan {jalan}",
                   "pengemis anak-anak di lampu merah {jalan}", "tetangga disabilitas belum pernah dapat kursi roda",
                   "gelandangan tidur di emper toko {pasar}", "ada warga dipasung keluarganya di {desa}"],
            det=["kadang mengamuk", "kondisinya memprihatinkan", "sepertinya dieksploitasi orang dewasa", "tidak punya KTP"],
            tit=["ODGJ berkeliaran", "Lansia terlantar", "Anak jalanan", "Pengemis", "Bantuan disabilitas"],
            asp=["rumah singgah untuk gelandangan", "bantuan alat bantu disabilitas di {desa}"],
            info=["bagaimana cara mengajukan bantuan kursi roda", "kemana melapor kalau ada warga dipasung"]),
    },
    "PDAM": {
        "Air PDAM Mati": dict(
            probs=["air PDAM di {desa} mati sudah {dur}", "air PDAM keruh dan bau kaporit", "air mengalir cuma tengah malam",
                   "aliran air kecil sekali di {perum}", "pipa PDAM bocor di {jalan} airnya muncrat", "air PDAM mati tanpa pemberitahuan",
                   "air keluar warna coklat", "meteran air bocor"],
            det=["harus beli air galon", "tidak bisa mandi dan masak", "tetangga sebelah ngalir saya tidak", "sudah telepon call center tidak diangkat",
                 "bocornya sudah seminggu terbuang percuma", "ada bayi di rumah"],
            tit=["Air mati", "Air PDAM keruh", "Pipa bocor", "Air tidak ngalir", "PDAM"],
            asp=["perluasan jaringan PDAM ke {desa}", "penambahan tandon air di {perum}"],
            info=["bagaimana cara pasang sambungan baru PDAM", "kapan air di {desa} normal kembali", "berapa biaya pasang baru PDAM"]),
        "Tagihan PDAM": dict(
            probs=["tagihan PDAM bulan ini melonjak jadi Rp {rp}", "meteran tidak dicatat petugas tapi tagihan ditaksir",
                   "air tidak ngalir tapi tetap ditagih abonemen", "kena denda padahal sudah bayar lewat aplikasi",
                   "sambungan diputus padahal tunggakan sudah lunas"],
            det=["biasanya cuma Rp 60.000", "bukti bayar ada", "petugas pencatat tidak pernah datang"],
            tit=["Tagihan PDAM naik", "Tagihan tidak wajar", "Denda PDAM", "Pemutusan sambungan"],
            asp=["pembayaran PDAM lewat QRIS", "notifikasi tagihan via WhatsApp"],
            info=["bagaimana cara mengajukan keberatan tagihan", "berapa tarif air per meter kubik", "kenapa tagihan saya naik"]),
    },
}
SPEC.update({
    "DINKES": {
        "BPJS/Layanan Kesehatan": dict(
            probs=["BPJS PBI saya tiba-tiba nonaktif", "puskesmas {kec} menolak pasien BPJS dengan alasan kuota",
                   "pasien BPJS disuruh beli obat sendiri di luar", "kartu KIS tidak bisa dipakai di puskesmas",
                   "rujukan BPJS dari puskesmas dipersulit"],
            det=["padahal tidak mampu", "obatnya harus beli Rp {rp}", "petugas bilang sistem error"],
            tit=["BPJS nonaktif", "Pasien BPJS ditolak", "Layanan BPJS", "Rujukan dipersulit"],
            asp=["penambahan kuota BPJS PBI dari daerah", "pos layanan BPJS di tiap kecamatan"],
            info=["bagaimana mengaktifkan kembali BPJS PBI", "apakah pindah faskes BPJS bisa online"]),
        "Puskesmas": dict(
            probs=["pelayanan puskesmas {kec} lambat, antre dari pagi sampai siang", "dokter di puskesmas sering tidak ada",
                   "puskesmas pembantu di {desa} tutup terus", "petugas puskesmas kasar ke pasien lansia", "ambulans desa dipakai pribadi",
                   "obat di puskesmas sering kosong", "toilet puskesmas kotor dan airnya mati"],
            det=["cuma ada bidan", "jam 11 sudah tutup pendaftaran", "anak saya demam tinggi harus nunggu lama"],
            tit=["Pelayanan puskesmas", "Dokter tidak ada", "Pustu tutup", "Obat kosong"],
            asp=["puskesmas buka 24 jam di {kec}", "penambahan dokter di pustu {desa}"],
            info=["jam buka puskesmas {kec} hari Sabtu", "jadwal imunisasi di posyandu {desa}"]),
        "Kesehatan Lingkungan/Penyakit": dict(
            probs=["kasus demam berdarah di RT {rt} {desa} sudah {n} orang", "minta fogging di {desa} karena banyak nyamuk",
                   "banyak anak diare setelah minum air sumur", "warung makan di {jalan} jorok dan ada yang keracunan",
                   "ada warga kena TBC tidak mau berobat"],
            det=["satu anak dirawat di rumah sakit", "belum ada petugas datang", "jentik nyamuk di mana-mana"],
            tit=["Kasus DBD", "Permintaan fogging", "Keracunan makanan", "Wabah diare"],
            asp=["pemeriksaan jentik rutin di {desa}", "penyuluhan kesehatan di sekolah"],
            info=["apa syarat pengajuan fogging", "dimana tempat vaksin dewasa gratis"]),
    },
    "RSUD": {
        "Pelayanan Rumah Sakit": dict(
            probs=["pelayanan IGD RSUD lambat, pasien dibiarkan di kursi roda", "perawat RSUD jutek", "pasien BPJS di RSUD disuruh pulang padahal belum sembuh",
                   "RSUD bilang kamar penuh tapi pasien umum bisa masuk", "antrean poli RSUD dari subuh", "parkir RSUD mahal dan semrawut",
                   "makanan pasien di RSUD basi", "toilet ruang rawat inap kelas 3 rusak", "hasil lab RSUD keluar lama sekali",
                   "keluarga pasien dimintai uang jaminan Rp {rp}"],
            det=["ibu saya umur 70 tahun", "sudah {n} jam menunggu", "dokternya datang siang", "pasien sampai tidur di lorong"],
            tit=["Pelayanan RSUD", "IGD lambat", "Kamar penuh", "Antrean poli", "Perawat kasar"],
            asp=["penambahan ruang rawat inap kelas 3 di RSUD", "antrean online poli RSUD"],
            info=["jam besuk RSUD", "apakah RSUD melayani cuci darah pasien BPJS", "jadwal dokter spesialis anak di RSUD"]),
    },
    "DISDIK": {
        "Sekolah/PPDB": dict(
            probs=["PPDB zonasi tidak adil, rumah dekat sekolah tidak diterima", "server PPDB online error di hari terakhir",
                   "sekolah minta uang seragam Rp {rp}", "{sekolah} menahan ijazah karena belum lunas", "atap kelas {sekolah} bocor dan plafon mau runtuh",
                   "guru sering tidak masuk di {sekolah}", "ada pungutan uang gedung di {sekolah}", "dana BOS tidak jelas penggunaannya",
                   "anak saya dibully di sekolah tapi guru diam", "buku LKS wajib beli di sekolah"],
            det=["katanya sumbangan sukarela tapi ditentukan nominalnya", "siswa belajar di musala", "kepala sekolah tidak mau ditemui"],
            tit=["PPDB zonasi", "Pungutan sekolah", "Ijazah ditahan", "Kelas rusak", "Server PPDB error"],
            asp=["penambahan SMP negeri di {kec}", "beasiswa untuk siswa miskin di {desa}", "perbaikan ruang kelas {sekolah}"],
            info=["kapan jadwal PPDB tahun ini", "apa syarat jalur afirmasi PPDB", "apakah boleh sekolah menarik uang seragam",
                  "bagaimana cara pindah sekolah antar kecamatan"]),
    },
    "SATPOLPP": {
        "PKL/Ketertiban": dict(
            probs=["PKL jualan di trotoar {jalan} sampai ke badan jalan", "lapak pedagang di {landmark} bikin macet",
                   "pedagang kaki lima di alun-alun buang sampah sembarangan", "bangunan semi permanen PKL berdiri di atas saluran",
                   "gerobak PKL ditinggal di trotoar malam hari"],
            det=["pejalan kaki harus turun ke jalan", "sudah pernah ditertibkan tapi balik lagi", "katanya bayar ke oknum"],
            tit=["PKL di trotoar", "Penertiban PKL", "Lapak liar", "Trotoar dipakai jualan"],
            asp=["relokasi PKL ke tempat yang layak", "zona kuliner malam di {kec}"],
            info=["dimana lokasi resmi untuk PKL berjualan", "jam berapa PKL boleh berjualan di alun-alun"]),
        "Gangguan Ketertiban": dict(
            probs=["warung remang-remang di {desa} jual miras", "balap liar tiap malam minggu di {jalan}", "karaoke di {desa} buka sampai subuh dan berisik",
                   "anak muda nongkrong mabuk di {landmark}", "spanduk dan baliho liar dipaku di pohon {jalan}", "tempat kos di {desa} jadi tempat mesum",
                   "knalpot brong tiap malam di {perum}"],
            det=["warga tidak bisa tidur", "sudah ditegur malah menantang", "banyak anak di bawah umur"],
            tit=["Miras", "Balap liar", "Tempat hiburan", "Baliho liar", "Gangguan ketertiban"],
            asp=["patroli malam rutin di {kec}", "perda larangan knalpot brong"],
            info=["kemana melapor tempat hiburan tanpa izin", "aturan pemasangan spanduk di jalan"]),
    },
    "BPBD": {
        "Bencana": dict(
            probs=["tebing di {desa} longsor menutup jalan", "rumah warga retak-retak akibat tanah bergerak di {desa}", "air {sungai} meluap dan masuk rumah warga",
                   "angin puting beliung merusak atap {n} rumah di {desa}", "tanggul {sungai} rembes, warga khawatir jebol",
                   "banjir setinggi {n}0 cm di {desa}, warga butuh perahu", "pengungsi banjir di balai desa {desa} kekurangan selimut dan makanan",
                   "tanah retak memanjang di kebun warga {desa}", "gempa tadi malam bikin dinding rumah retak"],
            det=["ada lansia dan balita", "hujan terus dari siang", "warga sudah mengungsi sendiri", "akses jalan tertutup material",
                 "butuh terpal dan logistik"],
            tit=["Longsor", "Banjir", "Puting beliung", "Tanah bergerak", "Butuh bantuan pengungsi", "Tanggul rembes"],
            asp=["pemasangan alat peringatan dini banjir di {sungai}", "pelatihan tanggap bencana di {desa}", "jalur evakuasi di {desa}"],
            info=["kemana warga mengajukan bantuan rumah rusak akibat bencana", "apakah {desa} termasuk zona rawan longsor", "nomor darurat BPBD berapa"]),
    },
    "DAMKAR": {
        "Kebakaran": dict(
            probs=["kebakaran rumah di {desa}, damkar datang telat", "ada kebakaran lahan ilalang di {desa}, api membesar",
                   "hidran di {pasar} tidak berfungsi", "kabel listrik terbakar di tiang dekat {landmark}", "gudang di {jalan} terbakar, asap hitam tebal"],
            det=["mobil damkar tidak bisa masuk gang sempit", "api dekat pemukiman", "warga padamkan pakai ember"],
            tit=["Kebakaran", "Damkar telat", "Hidran rusak", "Kebakaran lahan"],
            asp=["pos damkar di {kec}", "alat pemadam api ringan di tiap RW"],
            info=["apakah layanan damkar gratis", "bagaimana cara mengajukan pelatihan APAR untuk warga"]),
        "Penyelamatan/Evakuasi": dict(
            probs=["ada sarang tawon vespa besar di pohon rumah saya", "ular sanca masuk rumah warga di {desa}", "kucing terjebak di atas tiang listrik {jalan}",
                   "cincin tidak bisa lepas dari jari anak saya", "monyet liar masuk pemukiman {desa} dan menyerang warga", "biawak besar di saluran {perum}"],
            det=["anak kecil sudah tersengat", "sudah dua hari di situ", "warga takut keluar rumah"],
            tit=["Sarang tawon", "Evakuasi ular", "Evakuasi hewan", "Minta bantuan damkar"],
            asp=["edukasi penanganan hewan liar untuk warga"],
            info=["apakah damkar melayani evakuasi sarang tawon", "nomor damkar untuk evakuasi hewan"]),
    },
    "DISKOMINFO": {
        "Informasi Publik": dict(
            probs=["website resmi pemkab tidak bisa diakses", "permohonan informasi ke PPID tidak dijawab {dur}", "data APBD di website tidak diperbarui",
                   "aplikasi layanan publik milik pemkab sering error", "link pengumuman di website pemkab rusak"],
            det=["sudah kirim email berkali-kali", "lewat batas waktu 10 hari kerja", "tidak ada nomor yang bisa dihubungi"],
            tit=["Website pemkab error", "Permohonan informasi", "PPID tidak merespon", "Aplikasi error"],
            asp=["dashboard data terbuka untuk anggaran desa", "kanal pengaduan lewat WhatsApp"],
            info=["bagaimana cara mengajukan permohonan informasi publik", "dimana saya bisa melihat APBD kabupaten",
                  "apakah ada akun resmi pemkab di instagram"]),
        "Internet/Wifi Publik": dict(
            probs=["wifi gratis di balai desa {desa} mati", "tidak ada sinyal HP di dusun {desa}", "wifi di taman kota lemot sekali",
                   "tower BTS di {desa} sudah berdiri tapi sinyal tetap tidak ada"],
            det=["anak-anak susah belajar online", "harus naik bukit untuk telepon"],
            tit=["Wifi publik mati", "Blank spot sinyal", "Internet desa"],
            asp=["wifi gratis di {desa}", "pembangunan BTS di daerah blank spot {kec}"],
            info=["bagaimana desa bisa mengajukan wifi publik", "apakah ada program internet desa tahun ini"]),
    },
    "DPMPTSP": {
        "Perizinan": dict(
            probs=["izin PBG saya sudah {dur} belum terbit", "OSS error terus waktu urus NIB", "perizinan di MPP berbelit dan syaratnya berubah-ubah",
                   "ada calo perizinan di depan mal pelayanan publik", "izin usaha toko saya ditolak tanpa alasan jelas",
                   "diminta biaya tambahan Rp {rp} supaya izin cepat", "pabrik di {desa} beroperasi tanpa izin lengkap"],
            det=["semua berkas sudah lengkap", "petugas minta datang lagi minggu depan", "status di sistem tidak berubah"],
            tit=["Izin PBG lama", "Urus NIB", "Perizinan berbelit", "Calo perizinan"],
            asp=["pendampingan perizinan gratis untuk UMKM", "layanan izin keliling di {kec}"],
            info=["apa syarat PBG untuk rumah tinggal", "berapa lama proses izin usaha mikro", "apakah NIB berbayar"]),
    },
    "DISNAKER": {
        "PHK/Ketenagakerjaan": dict(
            probs=["saya di-PHK sepihak tanpa pesangon oleh pabrik di {desa}", "gaji dibayar di bawah UMK", "THR belum dibayar perusahaan",
                   "perusahaan tidak mendaftarkan karyawan ke BPJS Ketenagakerjaan", "kerja lembur tidak dibayar", "kontrak diperpanjang terus tanpa diangkat",
                   "ijazah karyawan ditahan perusahaan", "ada pemotongan gaji Rp {rp} tanpa alasan"],
            det=["sudah kerja {n} tahun", "ratusan karyawan lain juga", "kalau protes diancam dipecat", "mediasi belum dijadwalkan"],
            tit=["PHK sepihak", "Gaji di bawah UMK", "THR tidak dibayar", "BPJS Ketenagakerjaan", "Ijazah ditahan"],
            asp=["pelatihan kerja gratis untuk pemuda {desa}", "bursa kerja rutin di {kec}"],
            info=["berapa UMK {kab} tahun ini", "bagaimana mengajukan mediasi perselisihan kerja", "cara bikin kartu kuning AK1"]),
    },
    "DISPERKIM": {
        "Rumah Tidak Layak Huni": dict(
            probs=["rumah nenek saya di {desa} hampir roboh, dindingnya bilik", "pengajuan bantuan RTLH tidak pernah ada kabar",
                   "bantuan bedah rumah di {desa} salah sasaran", "material bantuan rumah dikurangi oknum", "atap rumah warga miskin bocor semua"],
            det=["tinggal janda tua sendirian", "kalau hujan tidur basah", "yang dapat malah rumah bagus"],
            tit=["Rumah tidak layak huni", "Bantuan RTLH", "Bedah rumah"],
            asp=["program bedah rumah di {desa}", "kuota RTLH ditambah untuk {kec}"],
            info=["apa syarat bantuan RTLH", "bagaimana cara mendaftar bantuan bedah rumah"]),
        "Prasarana Perumahan": dict(
            probs=["jalan di {perum} rusak dan developer sudah kabur", "fasum {perum} belum diserahkan ke pemda", "lampu jalan di {perum} mati semua",
                   "saluran di {perum} tidak tersambung ke drainase kota", "makam untuk warga {perum} tidak disediakan", "lahan fasos {perum} dijual developer"],
            det=["developer tidak bisa dihubungi", "warga saling lempar tanggung jawab", "kami sudah tinggal {n} tahun"],
            tit=["PSU perumahan", "Fasum perumahan", "Developer kabur"],
            asp=["penyerahan PSU perumahan segera dituntaskan", "penataan kawasan kumuh di {desa}"],
            info=["bagaimana proses serah terima PSU perumahan", "apakah jalan perumahan bisa diperbaiki pemda"]),
    },
    "BAPENDA": {
        "Pajak Daerah/PBB": dict(
            probs=["SPPT PBB saya belum dibagikan", "PBB naik dua kali lipat tanpa sosialisasi", "sudah bayar PBB tapi status masih terutang",
                   "nama di SPPT masih nama pemilik lama", "luas tanah di SPPT tidak sesuai", "pajak restoran dipungut tapi tidak disetor",
                   "petugas desa pungut PBB lebih Rp {rp}", "aplikasi bayar pajak daerah gagal terus"],
            det=["tahun lalu cuma Rp 85.000", "bukti bayar ada", "katanya harus ke kantor Bapenda langsung"],
            tit=["SPPT PBB", "PBB naik", "Status PBB", "Pajak daerah", "Bayar PBB online"],
            asp=["keringanan PBB untuk lansia", "pembayaran PBB di kantor pos desa"],
            info=["bagaimana cara balik nama SPPT PBB", "kapan jatuh tempo PBB tahun ini", "apakah ada pemutihan denda PBB",
                  "bagaimana cek tagihan PBB online"]),
    },
    "DISPERINDAG": {
        "Pasar": dict(
            probs=["atap {pasar} bocor dan becek", "los pasar baru di {pasar} tidak ditempati, pedagang di luar", "retribusi {pasar} naik tanpa musyawarah",
                   "timbangan pedagang di {pasar} dicurangi", "toilet {pasar} jorok", "penarikan retribusi pasar tanpa karcis",
                   "kios {pasar} dijual oleh oknum pengelola"],
            det=["pembeli jadi malas datang", "pedagang sudah bayar tapi tidak dapat kios", "lorong pasar gelap"],
            tit=["Pasar becek", "Retribusi pasar", "Timbangan curang", "Kios pasar"],
            asp=["revitalisasi {pasar}", "tera ulang timbangan gratis", "pasar murah di {kec}"],
            info=["bagaimana cara mendapatkan kios di {pasar}", "berapa retribusi harian pedagang pasar"]),
        "Harga/Kelangkaan Barang": dict(
            probs=["gas LPG 3 kg langka di {desa}", "harga gas melon di pengecer Rp {rp}", "minyak goreng subsidi kosong di warung",
                   "harga beras naik terus di {pasar}", "toko di {jalan} jual barang kedaluwarsa"],
            det=["pangkalan bilang stok habis", "harus antre dari pagi", "HET tidak dipatuhi"],
            tit=["Gas LPG langka", "Harga beras", "Minyak goreng", "Barang kedaluwarsa"],
            asp=["operasi pasar di {kec}", "pangkalan LPG di {desa}"],
            info=["berapa HET gas LPG 3 kg di {kab}", "dimana lokasi operasi pasar minggu ini"]),
    },
    "INSPEKTORAT": {
        "Pungli": dict(
            probs=["ada pungli urus surat di kantor desa {desa} Rp {rp}", "oknum pegawai minta uang pelicin Rp {rp}",
                   "perangkat desa {desa} minta uang untuk masuk daftar bantuan", "pungutan liar untuk sertifikat PTSL Rp {rp}",
                   "oknum ASN minta uang supaya anak saya lulus tes honorer"],
            det=["tidak ada kuitansi", "kalau tidak bayar berkas tidak diproses", "saya punya rekaman suaranya"],
            tit=["Pungli", "Pungutan liar", "Uang pelicin", "Pungli PTSL"],
            asp=["pemasangan CCTV di ruang pelayanan", "saber pungli aktif di desa"],
            info=["kemana melapor pungli dan apakah identitas pelapor dirahasiakan", "berapa biaya resmi PTSL"]),
        "Penyalahgunaan Dana Desa": dict(
            probs=["dana desa {desa} tidak jelas penggunaannya", "proyek jalan dana desa {desa} asal jadi", "BUMDes {desa} bangkrut dan uangnya hilang",
                   "kades {desa} pakai mobil desa untuk pribadi", "laporan APBDes {desa} tidak pernah dipasang di baliho"],
            det=["nilainya ratusan juta", "warga tidak pernah diajak musyawarah", "papan proyek tidak ada"],
            tit=["Dana desa", "Proyek desa asal jadi", "BUMDes", "Transparansi APBDes"],
            asp=["audit dana desa {desa}", "transparansi APBDes lewat papan informasi"],
            info=["bagaimana warga bisa melihat laporan APBDes", "siapa yang mengawasi dana desa"]),
    },
    "SETDA": {
        "Kinerja ASN": dict(
            probs=["pegawai kantor pemkab main HP saat jam pelayanan", "ASN nongkrong di warung kopi jam kerja", "pegawai honorer di kantor bupati kasar ke tamu",
                   "mobil dinas pelat merah dipakai mudik", "ASN ikut kampanye salah satu calon"],
            det=["saya punya fotonya", "pelat nomor {plat}", "bukan sekali dua kali"],
            tit=["Kinerja ASN", "Mobil dinas", "Disiplin pegawai", "Netralitas ASN"],
            asp=["absensi online untuk ASN", "survei kepuasan pelayanan tiap kantor"],
            info=["kemana melaporkan pelanggaran netralitas ASN", "jam pelayanan kantor pemkab"]),
        "Aspirasi Pembangunan": dict(
            probs=["pembangunan di {kec} tertinggal dibanding kota", "alun-alun {kab} tidak ramah disabilitas", "program bupati tidak sampai ke desa terpencil"],
            det=["sudah puluhan tahun begini", "warga merasa dianaktirikan"],
            tit=["Aspirasi warga", "Usulan pembangunan", "Untuk Bapak Bupati"],
            asp=["pembangunan gedung olahraga di {kec}", "ruang publik ramah anak di pusat kota", "perpustakaan daerah buka sampai malam",
                 "program beasiswa daerah untuk anak petani", "festival budaya tahunan {kab}", "pusat oleh-oleh produk UMKM lokal"],
            info=["kapan jadwal bupati open house", "bagaimana cara menyampaikan undangan kepada bupati"]),
    },
})

KEC_SPEC = {
    "Pelayanan Kecamatan/Desa": dict(
        probs=["kantor desa {desa} sering tutup jam 11", "urus surat pengantar di desa {desa} dipersulit", "perangkat desa {desa} jarang ada di kantor",
               "pelayanan di kantor camat {kec} lambat", "surat keterangan domisili di kecamatan {kec} butuh {n} hari", "kades {desa} tidak mau tanda tangan surat",
               "pegawai kantor kecamatan {kec} tidak ramah", "legalisir di kantor camat {kec} harus nunggu camatnya datang"],
        det=["alasannya sekdes sedang rapat", "pulang kerja sudah tutup", "diminta uang rokok", "nomor layanan tidak aktif"],
        tit=["Pelayanan desa", "Kantor desa tutup", "Surat pengantar", "Pelayanan kecamatan", "Camat {kec}"],
        asp=["pelayanan kecamatan {kec} buka sampai sore", "papan informasi layanan di kantor desa {desa}"],
        info=["jam layanan kantor kecamatan {kec}", "syarat surat keterangan usaha di kecamatan {kec}", "apakah legalisir di kecamatan {kec} gratis"]),
    "Lingkungan Desa/Kelurahan": dict(
        probs=["saluran air di gang RT {rt} {desa} mampet dan meluap", "jalan lingkungan RT {rt} {desa} becek dan berlubang",
               "lampu gang di {desa} mati semua", "sampah menumpuk di pojok lapangan {desa}", "kerja bakti di {desa} tidak pernah diadakan lagi",
               "pos ronda di {desa} rusak dan tidak dipakai", "tanah kas desa {desa} dipakai pribadi"],
        det=["ini kewenangan desa kata orang kabupaten", "ketua RT sudah angkat tangan", "dana desa katanya ada untuk ini"],
        tit=["Lingkungan {desa}", "Gang becek", "Saluran lingkungan", "Fasilitas desa"],
        asp=["perbaikan jalan lingkungan {desa} lewat dana desa", "pembangunan pos ronda di RT {rt} {desa}", "lapangan olahraga di {desa}"],
        info=["kapan musrenbang kecamatan {kec} dilaksanakan", "bagaimana usulan RT masuk ke musrenbang desa {desa}"]),
}
for _code in KECAMATAN:
    SPEC[_code] = KEC_SPEC

# ---------------------------------------------------------------- hoax material
# Bodies of circulating false messages (all invented). `{url}`, `{rek}`, `{hp}` are filled with fake values.
HOAX_BODIES = [
    "Pendaftaran BLT Rp 600.000 dibuka sampai besok jam 12 malam, klik {url} lalu isi NIK dan nomor KK, sebarkan ke 10 grup biar keluarga kebagian",
    "SELAMAT! Nomor anda terpilih menerima bansos tunai Rp 3.500.000 dari Kemensos. Untuk pencairan transfer biaya admin Rp 150.000 ke {rek}",
    "INFO PENTING: tanggul {sungai} akan jebol nanti malam jam 2, warga {desa} dan sekitarnya segera mengungsi!!! dari sumber orang dalam BPBD",
    "BMKG memprediksi gempa susulan 8,1 SR besok jam 10 pagi di wilayah {kab}, jangan masuk rumah, sebarkan ke keluarga",
    "Vaksin campak di posyandu mengandung chip pelacak dan bikin anak mandul, jangan bawa anak ke posyandu bulan ini",
    "Penerimaan PPPK jalur khusus tanpa tes untuk honorer {kab}, cukup bayar Rp 25 juta, hubungi pak Heri {hp} kuota terbatas",
    "AWAS air PDAM hari ini dicampur racun oleh orang tidak dikenal, jangan diminum dulu sampai ada pengumuman, sebarkan!!",
    "Pemkab {kab} menggratiskan PBB seumur hidup bagi yang daftar lewat {url} sebelum akhir bulan",
    "Besok ada razia tilang massal gabungan di semua jalan {kab}, kendaraan yang pajaknya mati langsung disita dan dilelang",
    "Ada penculik anak pakai mobil ambulans putih di {kec}, sudah 3 anak hilang, jaga anak-anak kita, teruskan ke grup lain",
    "Rebusan daun sirsak dicampur garam bisa menyembuhkan DBD dalam satu malam, dokter RSUD sudah mengakui, tidak perlu ke rumah sakit",
    "Lowongan Satpol PP {kab} tanpa tes, gaji Rp 7 juta, daftar via {url} dengan biaya formulir Rp 250.000",
    "Mulai bulan depan KTP lama tidak berlaku dan wajib ganti KTP digital berbayar Rp 100.000 di kecamatan",
    "Pesan dari Bupati: semua penerima PKH akan dicoret kalau tidak ikut pengajian akbar hari Minggu, sebarkan",
    "Dinkes mengumumkan wabah kolera di {desa}, semua sekolah diliburkan dua minggu, jangan beli sayur dari pasar",
    "Kartu Prakerja gelombang khusus warga {kab} dapat Rp 5 juta, syarat cukup kirim foto KTP dan selfie ke WA {hp}",
    "Minum air kelapa hijau dicampur jeruk nipis setelah vaksin bisa netralkan racun vaksin, teruskan ke 20 orang",
    "PDAM akan memutus seluruh aliran air selama satu bulan penuh mulai besok karena pipa induk rusak, segera tampung air sebanyaknya",
    "Pembagian sembako gratis dari pemkab di alun-alun besok pagi, wajib bawa KK asli dan bayar kupon Rp 20.000",
    "Ada bantuan modal usaha UMKM Rp 10 juta tanpa agunan dari Pemda, klik {url} isi data rekening dan PIN ATM untuk verifikasi",
    "Jembatan {sungai} retak besar dan akan ambruk malam ini, jangan ada yang lewat, info dari grup relawan",
    "Telur palsu dari plastik beredar di {pasar}, kalau dibakar meleleh, jangan beli telur di pasar",
    "Gunung di selatan {kab} akan meletus minggu ini menurut orang pintar, BPBD sudah siapkan pengungsian",
    "Ijazah SMA tidak berlaku lagi untuk daftar CPNS mulai tahun ini, harus disetarakan berbayar di dinas pendidikan",
    "Subsidi listrik dicabut mulai besok, token harus diisi ulang ke nomor {hp} supaya dapat diskon 50 persen",
    "Rekrutmen tenaga kesehatan RSUD {kab} tanpa tes, transfer uang pendaftaran Rp 500.000 ke {rek}",
    "Dukcapil buka layanan cetak KTP kilat lewat WA {hp}, biaya Rp 75.000 langsung jadi sehari",
    "Pemerintah bagikan kuota internet gratis 100 GB untuk warga {kab}, klik {url} sebelum kuota habis",
    "Bendungan di hulu {sungai} sudah retak, kalau jebol 5 desa tenggelam, pemerintah menyembunyikan informasi ini",
    "Sapi yang dijual di {pasar} terkena penyakit menular ke manusia, jangan makan daging minggu ini",
]
HOAX_FRAMES_INFO = [
    "ada pesan berantai di grup WA RT: \"{body}\". apa benar ini min?",
    "Mohon konfirmasi, apakah benar informasi berikut: {body}",
    "min ini bener gak? {body}",
    "Apa benar {body_l}? Soalnya ibu-ibu di kampung sudah panik.",
    "tolong diklarifikasi, beredar info {body_l}. benar atau hoaks?",
    "Saya dapat kiriman dari saudara: \"{body}\" Apakah ini resmi dari pemkab?",
    "punten, mau tanya, bener teu ieu: {body}",
    "Yth admin, izin bertanya kebenaran pesan yang beredar di facebook: {body}. Terima kasih.",
    "nyuwun pirsa, {body_l} niku leres nopo mboten?",
]
HOAX_FRAMES_COMPLAINT = [
    "Mohon pemkab segera klarifikasi, beredar pesan \"{body}\". Warga jadi resah, banyak yang percaya.",
    "{body}",
    "Fwd: {body}",
    "Saya mau lapor penipuan. Saya dapat pesan: {body}. Sudah transfer Rp {rp} ternyata nomornya tidak aktif lagi.",
    "tolong ditindak yg nyebar hoaks ini di grup fb {kec}: {body}",
    "Ibu saya hampir tertipu, ada yang kirim pesan: \"{body}\". Mohon diumumkan supaya warga lain tidak jadi korban.",
    "Laporan akun penyebar hoaks. Akun facebook \"{nama} Sukamaju\" menyebarkan: {body}. Mohon diblokir dan diluruskan.",
    "WARGA RESAH!!! beredar info {body_l} tolong pemda jangan diam",
    "Sudah banyak tetangga yang isi data di link ini: {body}. Apakah data kami aman?",
]
# Alarming but genuine reports (hoax = 0): agency, category, classification, text.
ALARMING_REAL = [
    ("BPBD", "Bencana", "pengaduan", "Air {sungai} naik cepat sejak sore, tanggul di dusun {desa} sudah rembes di dua titik. Warga sudah mulai angkat barang. Mohon BPBD segera cek ke lokasi, kami takut jebol malam ini."),
    ("BPBD", "Bencana", "pengaduan", "Gempa tadi jam 3 pagi terasa kuat sekali di {desa}, dinding {sekolah} retak besar dan atap kelas 4 melengkung. Anak-anak tidak berani masuk kelas. Mohon dicek kelayakan bangunannya."),
    ("BPBD", "Bencana", "pengaduan", "TOLONG!!! longsor di {desa} menimpa 2 rumah, ada warga yang belum ditemukan, akses jalan tertutup tanah, butuh alat berat sekarang"),
    ("BPBD", "Bencana", "pengaduan", "retakan tanah di bukit belakang kampung {desa} makin lebar, kemarin 5 cm sekarang sudah sejengkal. warga takut longsor kalau hujan lagi"),
    ("PDAM", "Air PDAM Mati", "pengaduan", "Air PDAM di {perum} sejak kemarin berbau seperti bensin dan berbusa. Anak saya muntah-muntah setelah minum air rebusan. Mohon segera diperiksa, kami sudah stop pakai."),
    ("PDAM", "Air PDAM Mati", "pengaduan", "air pdam keruh coklat pekat dan bau lumpur, sudah 3 hari. tetangga ada yg gatal2 kulitnya. ini bahaya gak sih? tolong dicek kualitasnya"),
    ("DAMKAR", "Kebakaran", "pengaduan", "KEBAKARAN BESAR di blok los sayur {pasar}, api sudah merembet ke kios sebelah, damkar baru datang satu unit, tolong kirim bantuan tambahan!!!"),
    ("DAMKAR", "Kebakaran", "pengaduan", "ada bau gas menyengat di gang rumah kami {desa}, sepertinya tabung gas warung bocor, pemiliknya lagi pergi. kami takut meledak, mohon petugas datang"),
    ("DINKES", "Kesehatan Lingkungan/Penyakit", "pengaduan", "Di RT {rt} {desa} dalam dua minggu ada 6 anak kena DBD, satu sudah meninggal kemarin. Ini nyata, bukan hoaks. Mohon segera fogging dan pemeriksaan jentik."),
    ("DINKES", "Kesehatan Lingkungan/Penyakit", "pengaduan", "Puluhan warga {desa} keracunan setelah makan nasi kotak hajatan, sekarang banyak yang dibawa ke puskesmas {kec}. Mohon bantuan tenaga kesehatan tambahan."),
    ("DINSOS", "Bansos/PKH", "pengaduan", "Ibu saya sudah terlanjur transfer Rp 300.000 ke orang yang mengaku pendamping PKH lewat telepon. Sekarang bantuan PKH-nya juga tidak cair. Mohon dinsos jelaskan apakah pendamping resmi pernah minta uang."),
    ("DLH", "Pencemaran Lingkungan", "pengaduan", "Ribuan ikan mati mengambang di {sungai} sejak subuh, air berwarna merah dan berbau kimia. Diduga dari pembuangan pabrik. Mohon segera ambil sampel air."),
    ("DISHUB", "Lalu Lintas/Rambu", "pengaduan", "Lampu merah perempatan {jalan} mati total sejak pagi, barusan ada tabrakan motor dan angkot, korbannya dibawa ke RSUD. Mohon segera diperbaiki dan dijaga petugas."),
    ("DPUPR", "Jembatan", "pengaduan", "Jembatan di {desa} ambruk sebagian tadi pagi, satu motor sempat terperosok. Sekarang warga pasang bambu sebagai penghalang. Mohon segera ditangani, ini akses satu-satunya."),
    ("RSUD", "Pelayanan Rumah Sakit", "pengaduan", "Pasien kecelakaan dibiarkan di depan IGD hampir satu jam karena katanya harus daftar dulu. Darahnya sudah banyak. Ini kejadian nyata tadi malam jam 11."),
    ("SATPOLPP", "Gangguan Ketertiban", "pengaduan", "Ada tawuran pelajar pakai senjata tajam di {jalan} tiap jam pulang sekolah, kemarin satu anak luka bacok. Mohon ada penjagaan."),
    ("DISKOMINFO", "Informasi Publik", "permintaan_informasi", "Apakah benar pengumuman di akun instagram resmi pemkab tentang penutupan {jalan} selama perbaikan jembatan? Saya cek akunnya centang biru, cuma mau memastikan tanggalnya."),
    ("DISDUKCAPIL", "KTP-el/KK", "permintaan_informasi", "Apa benar ada layanan jemput bola perekaman KTP di balai desa {desa} hari Sabtu? Info dari pak kades di grup desa, mau memastikan jamnya."),
    ("BPBD", "Bencana", "permintaan_informasi", "Apakah benar status siaga banjir untuk {kec} sudah dinaikkan? Air di pintu air sudah tinggi sekali, kami perlu tahu apakah harus mengungsi."),
    ("DINSOS", "Bansos/PKH", "permintaan_informasi", "Benar tidak pencairan BPNT bulan ini lewat kantor pos {kec}? Pendamping bilang begitu di pertemuan kelompok, tapi tetangga bilang lewat agen."),
]
HOAX_AGENCY_OVERRIDE = {  # some hoax rows go to the agency the rumour is about
    2: "BPBD", 3: "BPBD", 6: "PDAM", 17: "PDAM", 4: "DINKES", 10: "DINKES", 1: "DINSOS", 5: "SETDA", 26: "DISDUKCAPIL",
}

# ---------------------------------------------------------------- hand-written reports
# One per line: AGENCY|CATEGORY|p/a/i|text. A leading "~" marks a report that plausibly belongs to two
# or more agencies (labelled with the more plausible one). Slots like {desa} are filled at generation time.
HAND = r"""
DPUPR|Jalan Rusak|p|jln rusak parah dpn SDN 2 Sukamekar, lubangnya segede kolam ikan
DPUPR|Jalan Rusak|p|Jalan Raya Cibeureum km 4 udah kaya sungai kering, batu semua. Tiap hari ambulans desa lewat sini, pasien bisa tambah sakit di jalan.
DPUPR|Jalan Rusak|p|dalane rusak pol pak, ora tau didandani wiwit 2019. monggo dipirsani piyambak
DPUPR|Jalan Rusak|p|Punten pak, jalan ruksak pisan di Cipanas Girang, teu acan aya perbaikan ti taun kamari. Hatur nuhun.
DPUPR|Jalan Rusak|p|JALAN LINGKAR SELATAN HANCURRR!!! TIAP HARI ADA YG JATUH. MANA JANJINYA???
DPUPR|Jalan Rusak|p|Proyek pengaspalan di Jl. Pramuka baru selesai bulan lalu, sekarang aspalnya sudah retak dan mengelupas di pinggir. Ketebalannya paling cuma 2 cm. Mohon diperiksa spesifikasinya dan kontraktornya diminta bertanggung jawab karena masih masa pemeliharaan.
DPUPR|Jalan Rusak|p|jalan berlubang di tikungan Kalibening, semalam ada bapak2 bawa gabah jatuh
DPUPR|Jalan Rusak|p|Kami warga Dusun Wonoasri sudah 20 tahun jalannya tanah. Kalau musim hujan anak sekolah harus pakai kantong plastik di kaki. Kami tidak minta aspal mulus, minimal dicor atau dibatu.
DPUPR|Jalan Rusak|a|Usul pak, jalan Tegalsari - Kalibening dilebarkan, sekarang kalau papasan truk sama mobil harus mundur salah satu
DPUPR|Jalan Rusak|i|Min mau tanya, jalan yang dari pertigaan Situraja ke arah waduk itu kewenangan kabupaten atau provinsi ya? Biar kami tahu harus lapor ke mana.
DPUPR|Jalan Rusak|p|galian kabel fiber optik di Jl. Sudirman ditutup asal-asalan, sekarang jadi cekungan panjang. motor sering oleng
DPUPR|Jembatan|p|jembatan bambu di dusun kami udah miring, anak2 SD tiap pagi nyebrang sambil pegangan. takut ada yg kecebur
DPUPR|Jembatan|p|Yth. Bapak Kepala Dinas PU, jembatan Cikadu lantainya berlubang di tengah sebesar ban motor. Sudah kami tutup papan seadanya. Mohon segera diperbaiki sebelum ada korban.
DPUPR|Jembatan|a|mohon dibangunkan jembatan permanen di Kedungwaru, selama ini warga nyebrang sungai pakai rakit
~DPUPR|Banjir/Drainase|p|Tiap hujan satu jam saja depan Perum Graha Mekarwangi sudah banjir selutut. Salurannya kecil dan buntu di ujung. Developer bilang urusan pemda, pemda bilang urusan developer.
DPUPR|Banjir/Drainase|p|got di jl kenanga mampet total, airnya item bau bgt, kalo ujan meluber ke rumah
~DPUPR|Banjir/Drainase|p|saluran irigasi di Sidomulyo jebol, air masuk ke jalan dan sawah kebanjiran. petani terancam gagal panen
DPUPR|Banjir/Drainase|p|Gorong-gorong di bawah Jl. Raya Tanjungsari ambrol, sekarang ada lubang menganga di pinggir jalan dan air dari sawah tidak bisa lewat.
DPUPR|Banjir/Drainase|i|Apakah ada jadwal pengerukan sedimen saluran primer di Karangmulya tahun ini? Sudah dangkal sekali.
DPUPR|Tata Ruang/Bangunan|p|Ada yang membangun ruko tiga lantai persis di atas saluran air di Jl. Pasar Baru. Sejak itu setiap hujan air meluap ke jalan. Apakah bangunan ini ada izinnya?
DISHUB|Lampu Penerangan Jalan|p|lampu jln mati
DISHUB|Lampu Penerangan Jalan|p|PJU mati sepanjang Jl Lingkar Utara, gelap total, kemarin ada begal
DISHUB|Lampu Penerangan Jalan|p|lampune dalan ning Banyuurip mati kabeh wis rong minggu, peteng ndedet
DISHUB|Lampu Penerangan Jalan|p|Lampu jalan depan rumah saya di Jl. Rajawali nyala terus siang hari, malah pas malam mati. Boros listrik dan tidak berguna.
~DISHUB|Lampu Penerangan Jalan|p|Lampu jalan di Perum Taman Sindanglaya sudah mati semua setahun. Kata warga PJU perumahan itu urusan perkim, kata perkim urusan dishub. Tolong siapa saja yang berwenang.
DISHUB|Lampu Penerangan Jalan|a|mohon dipasang lampu jalan di tanjakan menuju Pagerwangi, jalannya curam dan gelap total
DISHUB|Parkir Liar|p|jukir di depan minimarket Jl. Veteran minta 5rb padahal cuma 5 menit. kalo gak dikasih ngomel
DISHUB|Parkir Liar|p|Parkir mobil pengunjung rumah makan di Jl. Gatot Subroto memakan setengah badan jalan setiap jam makan siang. Macet parah sampai ke lampu merah.
~DISHUB|Parkir Liar|p|Di depan Pasar Cibeureum parkir motor sampai tiga baris, ditambah PKL di trotoar, jalan tinggal satu lajur. Angkot berhenti sembarangan juga. Kacau sekali tiap pagi.
DISHUB|Lalu Lintas/Rambu|p|traffic light di perempatan Pemuda-Merdeka rusak, hijaunya cuma 5 detik, antrean panjang bgt
DISHUB|Lalu Lintas/Rambu|a|Usul dibuatkan zebra cross dan rambu hati-hati banyak anak sekolah di depan SMPN 4. Tiap pagi anak-anak nyebrang nekat.
DISHUB|Angkutan Umum|p|angkot jurusan Tanjungsari-Terminal ngetem di depan pasar sampe 30 menit, anak sekolah telat tiap hari
DISHUB|Angkutan Umum|i|Jadwal bus sekolah gratis yang lewat Cibeureum jam berapa saja ya? Anak saya baru pindah sekolah.
DLH|Sampah|p|sampah numpuk di TPS pasar udh 1 minggu gak diangkut, bau bgt sampe ke masjid
DLH|Sampah|p|Truk sampah terakhir datang ke Perum Bumi Cibeureum Indah tiga minggu lalu. Kami bayar iuran Rp 25.000 tiap bulan. Sekarang sampah di depan rumah sudah dibongkar kucing dan anjing.
DLH|Sampah|p|ada yg buang sampah kasur dan sofa di pinggir jalan lingkar, kayaknya dari luar daerah pakai pickup malam2
DLH|Sampah|p|runtah di sisi walungan Cipanas ngagunung, ambeu pisan. punten dibersihkan
DLH|Sampah|p|uwuh neng pinggir kali Wonoasri numpuk, nek udan keli kabeh nang kampung
DLH|Sampah|a|Usul agar dibuat bank sampah di tiap RW di Ngadirejo, warga sudah siap mengelola asal ada pendampingan.
DLH|Sampah|i|jadwal pengangkutan sampah utk jl melati itu hari apa aja ya min?
~DLH|Sampah|p|Sampah dari los ikan Pasar Kalibening dibuang ke saluran belakang pasar, airnya hitam dan baunya sampai ke pemukiman. Pengelola pasar bilang itu tugas kebersihan kabupaten.
DLH|Pencemaran Lingkungan|p|Pabrik tekstil di Karanganyar Kulon membuang limbah warna-warni ke Kali Bening setiap malam sekitar jam 11. Pagi harinya air sungai berwarna ungu dan berbusa. Sawah di hilir jadi rusak. Kami punya videonya.
DLH|Pencemaran Lingkungan|p|bau kotoran ayam dari kandang di Jatimulyo nyampe ke rumah2 warga, lalat banyak bgt masuk ke makanan
DLH|Pencemaran Lingkungan|p|tiap malam ada yg bakar sampah plastik dan kabel di lahan kosong belakang Gg. Sawo, asapnya bikin sesak
~DLH|Pohon/Taman|p|Pohon angsana besar di Jl. Diponegoro tumbang semalam menutup separuh jalan dan menimpa kabel. Sampai sekarang belum ada yang memotong, kendaraan harus lewat trotoar.
~DLH|Pohon/Taman|p|pohon beringin tua di depan balai desa Situraja udah miring ke jalan, akarnya angkat aspal. kalo angin kenceng takut roboh nimpa orang
DLH|Pohon/Taman|a|Alun-alun perlu tempat bermain anak yang aman, sekarang ayunan sudah karatan dan patah.
DISDUKCAPIL|KTP-el/KK|p|ktp sy blm jadi2 udh 4 bln, cm dikasih resi terus. mau ngelamar kerja susah
DISDUKCAPIL|KTP-el/KK|p|Saya sudah tiga kali datang ke kantor Disdukcapil untuk perubahan KK karena anak lahir. Setiap datang selalu dibilang sistem offline, disuruh kembali besok. Jarak rumah saya ke kota 25 km, ongkos sekali jalan Rp 40.000.
DISDUKCAPIL|KTP-el/KK|p|NIK anak sy 3299041506120003 katanya tidak ditemukan waktu daftar sekolah padahal sudah ada di KK
DISDUKCAPIL|KTP-el/KK|p|Antrean online dukcapil selalu penuh jam 00.01, kayaknya diborong calo. Di depan kantor ada yang nawarin "bisa dibantu" Rp 150.000.
DISDUKCAPIL|KTP-el/KK|p|KTP almarhum bapak masih aktif padahal akta kematian sudah keluar. Ibu saya jadi tidak bisa urus pensiun janda.
~DISDUKCAPIL|KTP-el/KK|p|di kecamatan Karangmulya katanya bisa urus KTP tapi pas datang disuruh ke dinas di kota, alasannya printer rusak. sebenarnya bisa atau tidak sih?
DISDUKCAPIL|KTP-el/KK|i|Syarat pindah KK dari Bandung ke Sukamaju Raya apa saja? Apakah harus datang ke Bandung dulu?
DISDUKCAPIL|KTP-el/KK|a|Mohon adakan perekaman KTP keliling ke sekolah-sekolah SMA, banyak siswa sudah 17 tahun belum rekam.
DISDUKCAPIL|Akta Kelahiran/Kematian|p|akte lahir anak saya namanya salah 1 huruf, Rizky jadi Rizki. mau benerin disuruh sidang pengadilan?? masa sih
DISDUKCAPIL|Akta Kelahiran/Kematian|i|kalau lahiran di bidan desa, akta kelahirannya bisa langsung diurus bidan atau harus ke capil sendiri?
DINSOS|Bansos/PKH|p|Yth. Bapak Kepala Dinas Sosial. Saya janda dengan tiga anak, tinggal di rumah bilik di RT 02 RW 05 Sidomulyo. Sejak 2023 nama saya hilang dari daftar PKH tanpa pemberitahuan. Sementara tetangga yang punya dua motor baru dan toko masih menerima. Saya sudah ke desa tiga kali, jawabannya selalu "nanti diusulkan". Mohon keadilan.
DINSOS|Bansos/PKH|p|bansos di Cikadu yg dapet saudaranya pak RT semua, yg bener2 miskin ga dapet
DINSOS|Bansos/PKH|p|beras bantuan yang dibagikan di balai desa Tegalsari berkutu dan bau apek, sebagian sudah menggumpal
DINSOS|Bansos/PKH|p|kartu KKS ibu saya diambil ketua kelompok katanya biar gampang dicairkan, tapi uangnya tidak pernah dikasih utuh
DINSOS|Bansos/PKH|i|bagaimana cara cek nama kita masih terdaftar DTKS atau tidak? ada aplikasinya?
~DINSOS|Bansos/PKH|p|BLT dana desa di Kalibening tahun ini dipotong Rp 50.000 per orang katanya buat uang lelah perangkat. Yang protes diancam dicoret.
DINSOS|Disabilitas/ODGJ/Terlantar|p|ada nenek2 tidur di emperan toko depan Pasar Baru tiap malam, kayaknya ga punya keluarga. kasian bgt
~DINSOS|Disabilitas/ODGJ/Terlantar|p|Ada orang dengan gangguan jiwa tanpa pakaian berkeliaran di sekitar Jl. Stasiun, kadang melempar batu ke kendaraan. Warga takut tapi juga kasihan. Mohon dibawa ke tempat yang layak.
~DINSOS|Disabilitas/ODGJ/Terlantar|p|anak2 kecil ngamen dan ngemis di lampu merah Ahmad Yani sampai malam, ada orang dewasa yang ngawasin dari jauh. apa gak ada yg bertindak?
DINSOS|Disabilitas/ODGJ/Terlantar|a|usul ada terapi gratis untuk anak berkebutuhan khusus di tiap kecamatan, ke kota jauh dan mahal
PDAM|Air PDAM Mati|p|air mati lagi
PDAM|Air PDAM Mati|p|pdam mati 3 hari di Perum Griya Sukamaju Asri, ga ada pemberitahuan, beli air galon terus
PDAM|Air PDAM Mati|p|Air PDAM di rumah saya keruh kecoklatan setiap pagi. Saya sudah pasang saringan tapi dalam dua hari sudah hitam. Apakah air ini layak dipakai mandi untuk bayi?
PDAM|Air PDAM Mati|p|banyune PDAM ora mili wis seminggu, nek mili mung tengah wengi jam 2
PDAM|Air PDAM Mati|p|caina PDAM teu ngocor ti kamari, punten dicek
PDAM|Air PDAM Mati|p|PIPA PDAM BOCOR DI DEPAN GG MASJID, AIR MUNCRAT KE JALAN UDAH 5 HARI, MUBAZIR BANGET!!!
~PDAM|Air PDAM Mati|p|Galian pipa PDAM di Jl. Kartini ditinggal terbuka dan tidak diberi tanda. Semalam ada pengendara motor masuk lubang. Jalan jadi rusak dan tidak dikembalikan seperti semula.
PDAM|Tagihan PDAM|p|tagihan PDAM saya bulan ini Rp 487.000, biasanya cuma 70 ribuan. rumah cuma dihuni 2 orang. ga masuk akal
PDAM|Tagihan PDAM|p|Petugas catat meter tidak pernah datang, tagihan dikira-kira. Waktu air mati dua minggu pun tetap ditagih penuh.
PDAM|Tagihan PDAM|i|kalau mau pasang baru PDAM di Karangmulya biayanya berapa dan berapa lama?
DINKES|BPJS/Layanan Kesehatan|p|BPJS PBI saya tiba-tiba nonaktif waktu mau berobat. katanya dicoret dari data. padahal saya buruh serabutan
DINKES|Puskesmas|p|Puskesmas Sukajadi jam 10 pagi sudah tutup pendaftaran, padahal kami datang dari desa jauh. Anak saya demam 39 derajat disuruh balik besok.
DINKES|Puskesmas|p|bidan di pustu Pasirjati jarang ada di tempat, kemarin ibu hamil mau periksa harus ke kota
DINKES|Kesehatan Lingkungan/Penyakit|p|tolong fogging di RT 04 RW 02 Wonoasri, udah 3 anak kena DBD bulan ini
DINKES|Kesehatan Lingkungan/Penyakit|i|syarat pengajuan fogging apa saja ya? apakah harus ada kasus DBD dulu?
~DINKES|BPJS/Layanan Kesehatan|p|Ibu saya pasien BPJS rujukan dari puskesmas ke RSUD, tapi di RSUD disuruh bayar obat sendiri karena katanya obatnya tidak ditanggung. Kami bingung ini aturan BPJS atau aturan rumah sakit.
RSUD|Pelayanan Rumah Sakit|p|IGD RSUD kemarin malam penuh, bapak saya yang sesak napas dibiarkan di kursi roda dua jam tanpa oksigen
RSUD|Pelayanan Rumah Sakit|p|Perawat di ruang Melati RSUD bicara kasar kepada keluarga pasien, padahal kami hanya bertanya kapan dokter visit.
RSUD|Pelayanan Rumah Sakit|p|parkir rsud mahal bgt, jaga pasien 3 hari kena 45rb, mana panas ga ada atap
RSUD|Pelayanan Rumah Sakit|i|Jam besuk RSUD Sukamaju Raya jam berapa saja? Apakah anak kecil boleh ikut menjenguk?
~RSUD|BPJS/Layanan Kesehatan|p|Kata kasir RSUD kartu BPJS anak saya tidak aktif karena tunggakan, padahal kami peserta PBI dari pemerintah. Kami disuruh bayar umum Rp 2.300.000.
DISDIK|Sekolah/PPDB|p|PPDB zonasi ga adil, rumah sy 400 meter dari SMPN 2 tp anak sy gak keterima, yg dari kecamatan sebelah malah masuk
DISDIK|Sekolah/PPDB|p|Sekolah anak saya menahan ijazah SD karena masih ada tunggakan uang kegiatan Rp 650.000. Anak saya jadi tidak bisa daftar SMP.
DISDIK|Sekolah/PPDB|p|atap kelas 5 di SDN 3 Situraja bolong, kalau hujan anak2 belajar di teras
~DISDIK|Sekolah/PPDB|p|Komite sekolah SMPN 1 Ngadirejo menetapkan sumbangan pembangunan Rp 1.500.000 per siswa, dibayar paling lambat sebelum ujian. Katanya sumbangan tapi nominalnya ditentukan dan ada batas waktu. Bukankah ini pungutan?
DISDIK|Sekolah/PPDB|i|PPDB SMP tahun ini dibuka tanggal berapa dan jalur apa saja?
DISDIK|Sekolah/PPDB|a|Mohon dibangun SMP negeri di Cipanas Girang, anak-anak kami harus menempuh 12 km ke SMP terdekat.
SATPOLPP|PKL/Ketertiban|p|PKL di trotoar Jl. Siliwangi udah pasang tenda permanen, pejalan kaki harus turun ke jalan
~SATPOLPP|PKL/Ketertiban|p|Pedagang buah di tikungan Jl. Raya Sukamaju menaruh lapak sampai ke badan jalan, ditambah pembeli parkir sembarangan. Sudah dua kali ada kecelakaan kecil di situ.
~SATPOLPP|PKL/Ketertiban|p|pedagang pasar tumpah tiap subuh di Jl. Pasar Baru sampai nutup jalan, truk sayur ga bisa lewat
SATPOLPP|Gangguan Ketertiban|p|balap liar tiap malam minggu di Jl Lingkar Selatan, knalpot brong sampe jam 3 pagi, warga ga bisa tidur
SATPOLPP|Gangguan Ketertiban|p|warung di ujung Gg. Buntu jual ciu dan tuak, tiap malam ada yang mabuk teriak2
SATPOLPP|Gangguan Ketertiban|a|Usul ada patroli rutin di alun-alun setiap malam Minggu, banyak anak di bawah umur nongkrong sampai pagi.
BPBD|Bencana|p|longsor kecil di tebing jalan menuju Pagerwangi, tanahnya masih terus turun kalau hujan
BPBD|Bencana|p|angin kenceng tadi sore, atap 4 rumah di Margaluyu terbang, ada yg tertimpa genteng luka ringan
~BPBD|Bencana|p|Banjir di Cibeureum Hilir sudah tiga hari belum surut. Saluran di jalan utama tersumbat sehingga air tidak bisa keluar. Warga butuh makanan siap saji dan air bersih.
BPBD|Bencana|i|kalau rumah rusak karena angin puting beliung, bantuan perbaikannya diajukan ke mana dan syaratnya apa?
DAMKAR|Kebakaran|p|Rumah di Gg. Kelinci terbakar jam 1 pagi, mobil damkar tidak bisa masuk karena gang sempit dan selang tidak sampai. Mohon ada motor damkar atau hidran di kampung padat.
~DAMKAR|Kebakaran|p|kebakaran lahan ilalang di pinggir TPA, asapnya masuk ke kampung, anak2 batuk. api hidup mati sudah 2 hari
DAMKAR|Penyelamatan/Evakuasi|p|ada sarang tawon ndas gede di pohon mangga depan rumah, anak tetangga udah disengat sampai demam
DAMKAR|Penyelamatan/Evakuasi|p|ular kobra masuk ke dapur rumah warga di Kedungwaru, sekarang sembunyi di bawah lemari
DPMPTSP|Perizinan|p|Urus PBG rumah tinggal sudah 5 bulan, berkas sudah lengkap, status di aplikasi masih "verifikasi" terus. Tanya ke petugas disuruh tunggu.
DPMPTSP|Perizinan|p|di depan MPP ada bapak2 nawarin jasa urus izin cepat, katanya orang dalam. ini resmi atau calo?
DPMPTSP|Perizinan|i|Saya mau buka warung kopi kecil, izin apa saja yang diperlukan dan apakah NIB cukup?
~DPMPTSP|Perizinan|p|Ada pabrik pengolahan plastik baru di Banyuurip, suaranya bising dan baunya menyengat. Warga tidak pernah diminta tanda tangan persetujuan lingkungan. Bagaimana bisa izinnya keluar?
DISNAKER|PHK/Ketenagakerjaan|p|Saya karyawan pabrik garmen di Tegalsari, di-PHK bersama 120 orang lainnya tanpa pesangon. Alasannya order turun. Kami sudah bekerja 6 sampai 11 tahun. Mohon dinas tenaga kerja memfasilitasi mediasi.
DISNAKER|PHK/Ketenagakerjaan|p|thr blm dibayar, udh h-3 lebaran, perusahaan bilang nanti nanti terus
DISNAKER|PHK/Ketenagakerjaan|p|gaji saya di toko bangunan cuma 1,2 juta sebulan kerja dari jam 7 pagi sampai 9 malam. itu kan jauh di bawah UMK
DISNAKER|PHK/Ketenagakerjaan|i|Berapa UMK Sukamaju Raya tahun 2025? Apakah berlaku juga untuk karyawan kontrak?
DISPERKIM|Rumah Tidak Layak Huni|p|Rumah Mbah Sarmi di RT 03 Jatimulyo dindingnya bilik bambu sudah bolong, atapnya tinggal separuh. Beliau tinggal sendiri umur 80-an. Setiap hujan tidur di pojok yang tidak bocor. Mohon bantuan RTLH.
DISPERKIM|Rumah Tidak Layak Huni|p|bantuan bedah rumah di Sindanglaya dapetnya rumah yang udah bagus, yang reyot malah gak dapet
DISPERKIM|Prasarana Perumahan|p|jalan di Perum Puri Tegalsari rusak semua, developernya udah kabur, fasumnya belum diserahkan ke pemda. warga bingung mau minta ke siapa
~DISPERKIM|Prasarana Perumahan|p|Saluran air di Komplek Pasirjati Permai tidak tersambung ke saluran kota, air limbah rumah tangga menggenang di ujung komplek. Apakah ini tanggung jawab PU atau perkim?
BAPENDA|Pajak Daerah/PBB|p|PBB saya naik dari Rp 112.000 jadi Rp 398.000 tanpa ada sosialisasi. Rumah saya tidak direnovasi sama sekali.
BAPENDA|Pajak Daerah/PBB|p|sppt pbb thn ini blm dibagi, padahal jatuh tempo tinggal sebulan
BAPENDA|Pajak Daerah/PBB|i|bagaimana cara balik nama SPPT PBB setelah jual beli tanah? syaratnya apa?
~BAPENDA|Pajak Daerah/PBB|p|Pedagang di Pasar Ngadirejo ditarik retribusi dua kali, sekali oleh petugas berseragam dan sekali oleh orang tanpa seragam. Karcisnya beda warna. Mana yang resmi?
DISPERINDAG|Pasar|p|pasar cibeureum becek parah, atapnya bocor di lorong ikan, pembeli pada males masuk
DISPERINDAG|Pasar|p|Los pasar baru di Pasar Tanjungsari sudah setahun jadi tapi kosong, pedagang tetap jualan di pinggir jalan karena los di lantai dua sepi pembeli.
DISPERINDAG|Harga/Kelangkaan Barang|p|gas melon langka di Cikadu, kalau ada harganya 28 ribu. pangkalan bilang jatah dikurangi
DISPERINDAG|Harga/Kelangkaan Barang|p|Timbangan di beberapa lapak beras Pasar Induk kurang, saya beli 5 kg ternyata cuma 4,6 kg ditimbang di rumah.
INSPEKTORAT|Pungli|p|urus surat keterangan tidak mampu di kantor desa dimintai 50rb, katanya buat uang map. tanpa kuitansi
INSPEKTORAT|Pungli|p|Untuk program PTSL di desa kami, warga dimintai Rp 750.000 per bidang, padahal setahu saya biaya resminya jauh di bawah itu. Yang tidak bayar, sertifikatnya tidak diproses.
~INSPEKTORAT|Pungli|p|Oknum pegawai di kantor kecamatan minta Rp 100.000 untuk legalisir dan tanda tangan camat. Kalau tidak mau bayar disuruh datang minggu depan.
INSPEKTORAT|Penyalahgunaan Dana Desa|p|Proyek jalan rabat beton dana desa di Kalibening baru sebulan sudah hancur. Ketebalannya cuma 8 cm, campurannya lebih banyak pasir. Papan proyeknya tidak pernah dipasang.
SETDA|Kinerja ASN|p|mobil dinas pelat merah dipakai belanja ke mall di kota lain hari Minggu, ada anak-anaknya juga
SETDA|Aspirasi Pembangunan|a|Yth. Bapak Bupati, kami pemuda Karangmulya mengusulkan dibangunnya gedung olahraga sederhana. Saat ini anak-anak muda kami lebih banyak nongkrong tidak jelas karena tidak ada fasilitas. Kami siap mengelola bersama karang taruna.
SETDA|Aspirasi Pembangunan|a|Usul pak bupati, adakan pelayanan terpadu keliling ke desa-desa terpencil sebulan sekali, biar warga tidak perlu jauh-jauh ke kota untuk urus KTP, BPJS, dan pajak.
KEC_SUKAJADI|Pelayanan Kecamatan/Desa|p|kantor desa Cilimus jam 11 udah kosong, mau minta surat pengantar nikah disuruh balik besok
KEC_SUKAJADI|Lingkungan Desa/Kelurahan|p|jalan gang RT 05 Mekarwangi becek dan berlubang, itu kata PU bukan jalan kabupaten tapi jalan desa. kades bilang nunggu dana desa tahun depan
KEC_CIBEUREUM|Pelayanan Kecamatan/Desa|p|Legalisir di kantor Camat Cibeureum harus menunggu Pak Camat datang, kadang sampai sore. Apakah tidak bisa didelegasikan ke sekcam?
~KEC_CIBEUREUM|Lingkungan Desa/Kelurahan|p|Selokan di gang belakang balai desa Ciwalen mampet, air bekas cucian menggenang. Itu saluran desa atau kabupaten ya? Warga sudah kerja bakti tapi endapannya keras.
KEC_NGADIREJO|Pelayanan Kecamatan/Desa|p|pak lurah Sidomulyo angel ditemoni, surat pengantar SKCK nunggu seminggu ora rampung-rampung
KEC_NGADIREJO|Lingkungan Desa/Kelurahan|a|usul dibangun pos ronda dan lampu di perbatasan Wonoasri - Kedungwaru, sering ada maling motor
KEC_KARANGMULYA|Pelayanan Kecamatan/Desa|p|Pelayanan di kantor Kecamatan Karangmulya tidak ada antrean yang jelas. Yang kenal pegawai langsung didahulukan.
KEC_KARANGMULYA|Lingkungan Desa/Kelurahan|p|lapangan bola Desa Karangmulya jadi tempat buang sampah dan parkir truk, anak2 ga bisa main lagi
KEC_TANJUNGSARI|Pelayanan Kecamatan/Desa|p|Punten, di kantor desa Sindanglaya teu aya petugas ti jam 10. Abdi bade nyuhunkeun surat keterangan usaha teu tiasa.
KEC_TANJUNGSARI|Lingkungan Desa/Kelurahan|p|Lampu gang di Margaluyu sudah mati dua bulan. Kata kepala dusun lampu gang tanggung jawab desa, tapi desa belum membelikan lampunya.
DISKOMINFO|Informasi Publik|p|website sukamajurayakab tidak bisa dibuka dari kemarin, padahal mau lihat pengumuman seleksi perangkat desa
DISKOMINFO|Informasi Publik|i|Bagaimana prosedur permohonan informasi publik untuk meminta salinan kontrak proyek jalan? Apakah bisa lewat email?
DISKOMINFO|Internet/Wifi Publik|p|di dusun kami di Cipanas Girang ga ada sinyal sama sekali, mau telpon harus naik ke bukit kuburan
DPUPR|Jalan Rusak|p|tlg pak jln ke Cikadu diperbaiki, tiap hari sy antar anak sklh lewat situ, motor udh 2x pecah ban
DPUPR|Jalan Rusak|p|Jalan poros desa Kalibening - Jatimulyo sekarang lebih mirip sawah daripada jalan. Mobil pengangkut hasil panen tidak bisa masuk, tengkulak menawar gabah kami lebih murah karena alasan ongkos angkut.
DPUPR|Jalan Rusak|p|aspal di depan SMAN 1 Tanjungsari mengelupas, kerikilnya bikin motor selip
DPUPR|Jalan Rusak|p|the road at Jl. Veteran is so bad, lubang everywhere, please fix asap
DPUPR|Jalan Rusak|p|dalan tembusan Ngadirejo Lor ambles separo, mobil ora iso liwat, kudu muter 5 km
DPUPR|Jalan Rusak|a|Kami mengusulkan agar perbaikan jalan tidak dilakukan menjelang musim hujan, karena hasilnya cepat rusak. Sebaiknya dikerjakan saat kemarau.
DPUPR|Jalan Rusak|i|Min, proyek betonisasi di Jl. Raya Situraja itu sampai kapan? Sudah 3 bulan separuh jalan ditutup.
DPUPR|Jembatan|p|Jembatan Kali Wonoasri yang baru dibangun tahun lalu sudah retak di sambungan. Kalau truk lewat terasa bergetar.
DPUPR|Banjir/Drainase|p|sumur resapan yg dibangun di Jl Merdeka malah jadi genangan, tutupnya jebol
~DPUPR|Banjir/Drainase|p|Air dari perumahan baru di atas bukit mengalir deras ke kampung kami di Babakan Asih setiap hujan karena saluran perumahan langsung dibuang ke jalan desa. Jalan jadi rusak dan rumah di bawah kebanjiran.
DPUPR|Banjir/Drainase|a|usul pintu air di saluran Sidomulyo diganti, yang lama udah karatan ga bisa dibuka tutup
DPUPR|Tata Ruang/Bangunan|i|Apakah boleh membangun rumah di tanah sawah warisan di Kedungwaru? Katanya itu zona hijau.
DISHUB|Lampu Penerangan Jalan|p|pju depan gg dahlia mati, kemarin ada yg jambret tas ibu2 pulang pengajian
DISHUB|Lampu Penerangan Jalan|p|Lampu sorot di jembatan Cikadu sudah dua bulan padam. Jembatan itu sempit dan tidak ada pagar di satu sisi.
DISHUB|Lampu Penerangan Jalan|p|PJU Jl. Sersan Bajuri hidup mati hidup mati, kayak disko
DISHUB|Lampu Penerangan Jalan|i|Nomor pengaduan PJU rusak berapa ya? Di tiangnya tidak ada stiker nomornya.
DISHUB|Parkir Liar|p|Parkir di RSUD dikelola siapa? tarifnya beda-beda tiap hari, kadang 3 ribu kadang 5 ribu, karcisnya tidak ada tulisan resmi.
DISHUB|Parkir Liar|p|truk gandeng parkir berhari2 di bahu jalan lingkar utara dekat pabrik, nutupin rambu dan pandangan
~DISHUB|Parkir Liar|p|Setiap sore depan alun-alun penuh pedagang dan parkir motor sampai ke badan jalan. Yang menata parkir pemuda setempat tanpa seragam. Jalur angkot jadi tersendat.
DISHUB|Lalu Lintas/Rambu|p|polisi tidur di Jl Kenanga tinggi bgt kayak gunung, bawah motor sampe kena
DISHUB|Lalu Lintas/Rambu|p|Rambu penunjuk arah di pertigaan Sindanglaya terbalik, banyak pendatang salah belok ke jalan buntu.
DISHUB|Angkutan Umum|p|terminal tipe C di Karangmulya sepi, angkot malah mangkal di luar terminal, bangunannya jadi tempat nongkrong
DISHUB|Angkutan Umum|a|Mohon diadakan angkutan khusus pelajar untuk rute Cipanas Girang - Tanjungsari, anak-anak kami numpang truk pasir tiap pagi.
DLH|Sampah|p|sampah rumah tangga di Cilimus dibakar di tengah kampung karena truk ga pernah masuk
DLH|Sampah|p|TPS liar di tikungan jalan ke Pasirjati makin lebar, sekarang sampah sudah turun ke saluran irigasi
DLH|Sampah|p|Yth. Kepala DLH. Kami warga RW 07 Tegalsari sudah tiga bulan tidak dilayani pengangkutan sampah. Petugas bilang armadanya rusak. Kami terpaksa membuang ke kebun kosong, dan itu menimbulkan masalah dengan pemilik lahan.
DLH|Sampah|p|sampah kiriman numpuk di pintu air Kali Bening tiap habis hujan, airnya jadi naik ke jalan
DLH|Sampah|i|Apakah DLH menerima sampah elektronik seperti kulkas dan tv bekas? Dibuang ke mana yang benar?
DLH|Pencemaran Lingkungan|p|air kali di belakang rumah jadi item pekat dan bau amis tiap selasa jumat, kayaknya pabrik tahu buang limbah
DLH|Pencemaran Lingkungan|p|debu dari tambang pasir di Pagerwangi masuk ke rumah, jemuran kotor, anak saya sesak napas tiap malam
DLH|Pencemaran Lingkungan|a|Usul ada alat ukur kualitas udara di dekat kawasan industri Karangmulya yang datanya bisa dilihat warga.
~DLH|Pohon/Taman|p|Dahan pohon mahoni di Jl. Pemuda patah dan menggantung di atas kabel listrik. Kalau jatuh bisa kena orang lewat. Sudah telepon PLN, katanya urusan pemda.
DLH|Pohon/Taman|p|taman kota di depan pendopo jadi kumuh, air mancurnya mati, banyak sampah plastik di kolam
DISDUKCAPIL|KTP-el/KK|p|Blangko KTP kosong lagi, saya hanya dapat surat keterangan pengganti. Bank tidak mau menerima surat itu untuk buka rekening.
DISDUKCAPIL|KTP-el/KK|p|data NIK sy dipake orang lain buat daftar pinjol, tolong diblokir dan dicek, NIK 3299120304870011
DISDUKCAPIL|KTP-el/KK|p|ktp ilang pas mudik, ke capil suruh bawa surat kehilangan dari polisi, ke polisi suruh bawa KK asli, KK nya ikut ilang. muter2 terus
DISDUKCAPIL|KTP-el/KK|p|Pelayanan dukcapil di MPP hanya sampai jam 12 siang, padahal jam buka MPP sampai jam 4 sore.
DISDUKCAPIL|KTP-el/KK|i|apakah KK yang sudah dicetak di kertas HVS biasa tetap sah? bank minta KK yang ada stempel basah
DISDUKCAPIL|Akta Kelahiran/Kematian|p|Sudah dua bulan mengurus akta kematian suami untuk klaim BPJS Ketenagakerjaan, selalu dibilang sedang proses tanda tangan kepala dinas.
DINSOS|Bansos/PKH|p|PKH saya cair tapi di agen diminta beli paket sembako Rp 200.000 dulu, kalau tidak mau uangnya tidak bisa diambil
DINSOS|Bansos/PKH|p|kulo sampun dados peserta PKH 5 taun, taun niki mboten cair blas, ditakeni pendamping ora ngerti
DINSOS|Bansos/PKH|p|Penerima BPNT di desa kami banyak yang sudah meninggal tapi namanya masih ada, bantuannya diambil siapa?
DINSOS|Bansos/PKH|a|Mohon data penerima bansos ditempel di balai desa dan masjid supaya warga bisa ikut mengawasi.
DINSOS|Bansos/PKH|i|anak sy disabilitas, apa bisa dapet bantuan khusus dari dinsos? syaratnya apa aja?
DINSOS|Disabilitas/ODGJ/Terlantar|p|Ada lansia pikun dari luar desa tersesat di Kedungwaru sejak kemarin, tidak ingat nama dan alamat. Sekarang ditampung di rumah pak RT.
DINSOS|Disabilitas/ODGJ/Terlantar|p|tetangga sy ODGJ sering ngamuk dan pukul ibunya, keluarganya ga mampu bawa berobat
PDAM|Air PDAM Mati|p|aliran pdam di Gg Haji Umar kecil bgt kayak air mata, cuma netes
PDAM|Air PDAM Mati|p|Sudah seminggu air PDAM di Perumnas Ngadirejo hanya mengalir jam 1 sampai jam 4 pagi. Kami harus begadang menampung air. Warga yang bekerja pagi sangat kelelahan.
PDAM|Air PDAM Mati|p|ada pipa PDAM bocor di bawah jembatan Situraja, airnya nyembur kayak air mancur dari kemarin
PDAM|Air PDAM Mati|i|Kenapa air di Pasirjati sering mati tiap hari Minggu? Apakah ada jadwal giliran?
PDAM|Tagihan PDAM|p|saya sudah bayar lewat minimarket tapi di aplikasi masih muncul tunggakan, dan sekarang kena denda Rp 10.000
PDAM|Tagihan PDAM|a|usul biar petugas catat meter foto angka meteran dan dikirim ke WA pelanggan, biar gak ada tagihan taksiran
DINKES|BPJS/Layanan Kesehatan|i|Bagaimana cara mengaktifkan kembali BPJS PBI yang dinonaktifkan? Saya baru tahu waktu mau operasi.
DINKES|Puskesmas|p|Pelayanan di puskesmas Ngadirejo sangat baik dan cepat, tapi ruang tunggunya sempit dan panas, banyak pasien berdiri. Mohon diperluas.
DINKES|Puskesmas|p|obat darah tinggi ibu sy di puskesmas kosong terus 2 bln, disuruh beli di apotek
DINKES|Kesehatan Lingkungan/Penyakit|p|banyak anak di SDN 1 Sindanglaya gatal-gatal dan bentol setelah main di kolam ikan desa
DINKES|Kesehatan Lingkungan/Penyakit|a|Usul ada pemeriksaan kesehatan gratis untuk lansia di tiap posyandu sebulan sekali.
RSUD|Pelayanan Rumah Sakit|p|Saya keluarga pasien di ruang Kenanga kelas 3. AC mati, kipas angin bawa sendiri, kamar mandi mampet. Pasien di sini kebanyakan lansia dan bayi.
RSUD|Pelayanan Rumah Sakit|p|dokter poli saraf RSUD cuma praktek 2 jam, pasien yang antre dari subuh disuruh balik minggu depan
RSUD|Pelayanan Rumah Sakit|p|Terima kasih untuk perawat IGD RSUD yang cepat menangani anak saya minggu lalu. Tapi satpamnya sangat kasar waktu kami masuk membawa pasien.
RSUD|Pelayanan Rumah Sakit|a|Mohon RSUD menyediakan ruang tunggu layak untuk keluarga pasien, sekarang banyak yang tidur di lantai lorong.
DISDIK|Sekolah/PPDB|p|Guru honorer di SDN 2 Cikadu sudah 4 bulan belum menerima honor dari dana BOS.
DISDIK|Sekolah/PPDB|p|anak sy disuruh beli seragam batik, olahraga, muslim di sekolah totalnya Rp 1.150.000, ga boleh beli di luar
DISDIK|Sekolah/PPDB|p|Anak saya mengalami perundungan di SMPN 2 Karangmulya, sampai tidak mau sekolah. Wali kelas hanya bilang anak-anak bercanda.
DISDIK|Sekolah/PPDB|p|Toilet SD di desa kami hanya satu untuk 180 siswa dan tidak ada airnya. Anak-anak menahan buang air sampai pulang.
DISDIK|Sekolah/PPDB|i|punten, kanggo PPDB jalur afirmasi, KIP kedah asli atanapi fotokopi?
DISDIK|Sekolah/PPDB|a|Usul ada perpustakaan keliling ke desa-desa, anak-anak kami jarang pegang buku selain LKS.
SATPOLPP|PKL/Ketertiban|p|Lapak PKL di depan stasiun dibangun permanen pakai bata dan atap seng, sudah seperti kios.
SATPOLPP|PKL/Ketertiban|i|apakah PKL boleh jualan di car free day hari minggu? kalau boleh daftarnya ke mana?
SATPOLPP|Gangguan Ketertiban|p|Rumah kos di Gg. Damai ramai sampai subuh, sering ada keributan dan botol minuman berserakan. Pemiliknya tidak tinggal di situ.
SATPOLPP|Gangguan Ketertiban|p|baliho caleg yg udh lewat pemilu masih nempel di pohon2 jl ahmad yani, udah sobek2, tolong dicopot
~SATPOLPP|Gangguan Ketertiban|p|Ada bangunan bedeng liar di tanah pengairan dekat Sungai Cipanas, makin lama makin banyak dan dipakai berjudi.
BPBD|Bencana|p|jalan desa di Pagerwangi retak memanjang dan turun 30 cm setelah hujan semalaman, rumah di pinggirnya mulai miring
BPBD|Bencana|p|Pengungsi banjir di SDN 1 Cibeureum Hilir belum dapat bantuan selimut dan popok bayi. Dapur umum hanya masak sekali sehari.
BPBD|Bencana|a|Usul ada pelatihan siaga bencana untuk anak sekolah di daerah rawan longsor seperti Pagerwangi dan Cipanas Girang.
~BPBD|Bencana|p|Pohon besar tumbang menimpa dua rumah di Sindanglaya waktu hujan angin tadi sore. Satu atap rumah hancur. Warga sudah potong sebagian tapi batangnya terlalu besar.
DAMKAR|Kebakaran|p|hidran di depan pasar tanjungsari ketutup lapak, kalau ada kebakaran ga bisa dipake
DAMKAR|Kebakaran|p|Mobil damkar datang 45 menit setelah ditelepon waktu kebakaran di Jatimulyo. Rumah sudah habis. Mohon ada pos damkar di Karangmulya.
DAMKAR|Penyelamatan/Evakuasi|p|anak sy kejepit pagar besi kepalanya, udh coba sabun ga bisa, minta tolong damkar
DAMKAR|Penyelamatan/Evakuasi|i|damkar bisa bantu ambil kucing yang terjebak di plafon ga ya? sudah 2 hari suaranya terdengar
DISKOMINFO|Informasi Publik|p|Akun instagram resmi pemkab mematikan kolom komentar setiap ada keluhan jalan rusak. Kami warga ingin didengar.
DISKOMINFO|Informasi Publik|i|Dimana saya bisa mengunduh dokumen RPJMD kabupaten? Di website PPID link-nya mati.
DISKOMINFO|Internet/Wifi Publik|p|wifi gratis di alun2 ada tapi harus login pake nomor hp dan selalu gagal OTP
DISKOMINFO|Informasi Publik|a|Usul pengumuman lowongan dan seleksi dari pemkab dipasang juga di kantor desa, tidak semua warga punya internet.
DPMPTSP|Perizinan|p|izin usaha mikro saya ditolak OSS karena KBLI tidak cocok, tanya ke MPP petugasnya juga bingung
DPMPTSP|Perizinan|p|Berkas izin reklame saya hilang di kantor perizinan, disuruh mengulang dari awal termasuk bayar retribusi lagi.
DPMPTSP|Perizinan|a|Mohon ada layanan perizinan UMKM di tiap kecamatan sebulan sekali.
DISNAKER|PHK/Ketenagakerjaan|p|saya kerja di toko oleh-oleh, dipecat krn hamil. apa itu boleh?
DISNAKER|PHK/Ketenagakerjaan|p|Perusahaan outsourcing di Karangmulya memotong gaji Rp 300.000 per bulan untuk "biaya administrasi" dan tidak memberi slip gaji.
DISNAKER|PHK/Ketenagakerjaan|a|Kami pemuda Ngadirejo mengusulkan pelatihan las dan otomotif bersertifikat, banyak lulusan SMK menganggur.
DISNAKER|PHK/Ketenagakerjaan|i|bagaimana cara klaim JHT kalau perusahaan tutup dan pemiliknya kabur?
DISPERKIM|Rumah Tidak Layak Huni|p|rumah orang tua sy di Cikadu reyot, tiang kayunya udh dimakan rayap, sudah diajukan RTLH 3 tahun ga ada kabar
DISPERKIM|Rumah Tidak Layak Huni|i|Apakah rumah yang tanahnya belum bersertifikat bisa dapat bantuan bedah rumah?
DISPERKIM|Prasarana Perumahan|p|Fasum taman di Perum Graha Mekarwangi dijual developer dan sekarang dibangun rumah. Padahal di brosur tertulis taman bermain.
DISPERKIM|Prasarana Perumahan|a|mohon penataan kawasan kumuh di bantaran Sungai Cibeureum, banyak rumah tanpa jamban
BAPENDA|Pajak Daerah/PBB|p|Saya bayar PBB lewat petugas desa tahun lalu, ternyata tidak disetor. Sekarang ditagih lagi beserta denda.
BAPENDA|Pajak Daerah/PBB|p|aplikasi cek pbb online selalu error pas masukin NOP
BAPENDA|Pajak Daerah/PBB|a|Usul ada diskon PBB untuk warga yang bayar sebelum bulan Juni.
BAPENDA|Pajak Daerah/PBB|i|apakah pajak kos-kosan 10 kamar wajib bayar ke bapenda? berapa persen?
DISPERINDAG|Pasar|p|Lantai dua Pasar Induk gelap, lampunya mati semua, pedagang pakai senter. Rawan copet.
DISPERINDAG|Pasar|p|pengelola pasar ngalihin kios sy ke orang lain padahal sy bayar sewa rutin
DISPERINDAG|Harga/Kelangkaan Barang|p|Pangkalan gas di Wonoasri hanya melayani yang punya kupon dari RT, warga lain tidak kebagian.
DISPERINDAG|Harga/Kelangkaan Barang|i|berapa harga eceran tertinggi beras medium di Sukamaju Raya sekarang?
DISPERINDAG|Pasar|a|Mohon dibangun pasar desa di Cipanas Girang, warga harus ke Tanjungsari yang jauhnya 15 km untuk belanja.
INSPEKTORAT|Pungli|p|waktu ambil bantuan rumah diminta 10 persen oleh oknum, katanya untuk biaya survei
INSPEKTORAT|Pungli|p|Pengambilan sertifikat tanah di kantor desa dikenakan "uang syukuran" Rp 300.000 per bidang.
~INSPEKTORAT|Pungli|p|Di SMPN 4 setiap pengambilan rapor siswa diminta Rp 50.000 untuk kas kelas dan hadiah wali kelas. Yang tidak bayar rapornya ditahan.
INSPEKTORAT|Penyalahgunaan Dana Desa|p|kades Tegalsari bangun rumah mewah padahal baru 2 thn menjabat, jalan desa masih tanah, warga curiga dana desa
INSPEKTORAT|Penyalahgunaan Dana Desa|i|Bagaimana cara melaporkan dugaan penyelewengan dana desa dan apakah nama pelapor dijamin aman?
SETDA|Kinerja ASN|p|Saya datang ke kantor dinas jam 9 pagi, pegawainya belum ada yang datang. Jam 2 siang sudah kosong lagi.
SETDA|Kinerja ASN|p|oknum ASN di pemkab jualan online di jam kerja, live tiktok dari meja kantor
SETDA|Aspirasi Pembangunan|a|pak bupati mohon perhatikan desa-desa di selatan, dari dulu selalu terakhir dapat pembangunan
SETDA|Aspirasi Pembangunan|i|Kapan Bupati membuka sesi dialog langsung dengan warga? Kami ingin menyampaikan aspirasi petani.
KEC_SUKAJADI|Pelayanan Kecamatan/Desa|p|Pelayanan rekomendasi nikah di KUA dan kecamatan Sukajadi saling lempar, saya sudah bolak-balik empat kali.
KEC_SUKAJADI|Lingkungan Desa/Kelurahan|a|Usul dana desa Sukamekar dipakai untuk bangun tempat sampah terpilah di tiap RT.
KEC_CIBEUREUM|Pelayanan Kecamatan/Desa|i|Syarat surat keterangan ahli waris di kecamatan Cibeureum apa saja dan berapa lama?
KEC_CIBEUREUM|Lingkungan Desa/Kelurahan|p|jalan lingkungan di Pasirjati yang dibangun pakai dana desa baru 3 bulan udah retak
KEC_NGADIREJO|Pelayanan Kecamatan/Desa|p|Kantor Kecamatan Ngadirejo sedang renovasi dan pelayanan dipindah, tapi tidak ada pengumuman pindah ke mana.
~KEC_NGADIREJO|Lingkungan Desa/Kelurahan|p|Saluran di RT 03 Banyuurip mampet karena tertutup cor jalan desa. Sekarang tiap hujan air masuk rumah. Kata desa itu proyek kabupaten, kata kabupaten itu jalan desa.
KEC_KARANGMULYA|Pelayanan Kecamatan/Desa|p|sekdes Karanganyar Kulon minta uang bensin 25rb buat tanda tangan surat keterangan usaha
KEC_KARANGMULYA|Lingkungan Desa/Kelurahan|i|apakah lapangan desa Kalibening boleh dipakai untuk pasar malam? izinnya ke desa atau kecamatan?
KEC_TANJUNGSARI|Pelayanan Kecamatan/Desa|a|Kami usul pelayanan di kantor Kecamatan Tanjungsari dibuka juga hari Sabtu setengah hari, banyak warga kerja di pabrik.
~KEC_TANJUNGSARI|Lingkungan Desa/Kelurahan|p|Sampah di pinggir jalan desa Pagerwangi menumpuk karena tidak ada TPS. Desa bilang itu urusan DLH, DLH bilang desa harus menyediakan TPS dulu.
DISKOMINFO|Hoaks/Disinformasi|p|Ada akun facebook palsu mengatasnamakan Bupati Sukamaju Raya yang meminta sumbangan untuk korban banjir ke rekening pribadi. Sudah banyak yang tertipu.
DINSOS|Bansos/PKH|p|Saya ceritakan dari awal. Suami saya meninggal tahun lalu karena sakit paru-paru, sejak itu saya menghidupi tiga anak dengan menjadi buruh cuci di kampung. Penghasilan saya paling Rp 40.000 sehari kalau ada yang menyuruh. Rumah kami masih lantai tanah dan dinding bilik yang sudah bolong di beberapa sisi. Waktu pendataan DTKS tahun lalu, petugas desa datang dan memfoto rumah kami, katanya pasti masuk. Tetapi sampai sekarang nama saya tidak ada di daftar penerima PKH maupun BPNT. Ketika saya tanyakan ke kantor desa, saya disuruh menunggu verifikasi dari kabupaten. Sementara itu saya melihat sendiri tetangga yang suaminya PNS dan punya mobil justru menerima bantuan beras setiap bulan. Saya tidak iri, saya hanya ingin keadilan. Anak sulung saya sekarang kelas 2 SMP dan hampir berhenti sekolah karena tidak ada ongkos. Mohon Bapak Kepala Dinas Sosial atau siapa pun yang membaca laporan ini bisa membantu memeriksa data saya. Nama saya {nama}, tinggal di RT {rt} RW {rw} Desa {desa}, nomor HP {hp}. Terima kasih banyak sebelumnya, semoga Allah membalas kebaikan Bapak dan Ibu.
DPUPR|Jalan Rusak|p|Yth. Bapak Bupati dan Kepala Dinas PUPR. Saya ingin menyampaikan kondisi jalan kabupaten ruas Tegalsari menuju Kalibening yang setiap hari saya lalui untuk bekerja. Sejak awal tahun lalu jalan ini rusak di banyak titik, dan sekarang kerusakannya sudah sepanjang kurang lebih tiga kilometer. Lubangnya dalam, ada yang mencapai lutut orang dewasa, dan pada musim hujan semuanya tergenang sehingga tidak terlihat. Dalam dua bulan terakhir saya mencatat sedikitnya lima kecelakaan tunggal pengendara motor, salah satunya seorang guru honorer yang patah tangan dan tidak bisa mengajar sebulan. Truk pengangkut pasir dari arah Pagerwangi tetap melintas siang dan malam dengan muatan berlebih, sehingga tambalan swadaya warga hanya bertahan beberapa hari. Warga sudah beberapa kali iuran membeli batu dan semen, bahkan pemuda karang taruna bekerja bakti setiap Minggu pagi, tetapi itu bukan solusi jangka panjang. Kami juga sudah mengajukan melalui musrenbang desa dan kecamatan dua tahun berturut-turut. Kami mohon agar ruas jalan ini dimasukkan dalam prioritas perbaikan tahun ini, dan agar ada pengawasan tonase truk yang melintas. Sebagai warga kami siap membantu, misalnya menjaga material di lokasi. Atas perhatian Bapak kami ucapkan terima kasih. Hormat saya, {nama}, {hp}.
PDAM|Air PDAM Mati|p|Saya mau cerita panjang sedikit ya min, soalnya sudah capek. Jadi di Perum Bumi Cibeureum Indah blok C itu air PDAM mulai bermasalah dari bulan puasa. Awalnya cuma kecil alirannya, terus lama-lama cuma ngalir malam hari, sekarang sudah hampir dua minggu mati total. Saya punya bayi umur 4 bulan dan ibu mertua yang sakit stroke, jadi butuh air bersih banyak untuk mandi dan cuci. Tiap hari saya beli air jerigen dari tetangga yang punya sumur bor, sehari bisa habis Rp 30.000, belum galon untuk masak. Sudah telepon call center PDAM katanya ada perbaikan pipa di jalan utama dan akan normal 2 hari, tapi itu sudah seminggu yang lalu. Tetangga blok D katanya airnya ngalir, jadi kami bingung sebenarnya masalahnya di mana. Yang bikin kesal, tagihan bulan lalu tetap datang normal, bahkan ada biaya beban. Kami tidak menolak bayar, tapi tolong airnya ada dulu. Kalau memang ada perbaikan, mohon diumumkan jadwalnya dan dikirim mobil tangki air untuk warga. Nomor pelanggan saya ada di tagihan, nama {nama}, hp {hp}. Terima kasih min, mohon dibantu banget.
DISDUKCAPIL|KTP-el/KK|p|Dengan hormat. Saya warga Desa {desa} yang sejak enam bulan lalu mengurus perubahan data KK dan KTP-el karena pernikahan. Pada kunjungan pertama saya diberi tahu bahwa berkas lengkap dan hasilnya dapat diambil dua minggu kemudian. Dua minggu kemudian saya datang dan diberi tahu blangko KTP kosong, sehingga saya hanya menerima KK baru. Namun ketika KK baru itu saya gunakan untuk mendaftarkan istri ke BPJS, ternyata NIK istri saya masih tercatat di KK orang tuanya di kabupaten lain. Saya kembali ke kantor Disdukcapil, antre sejak pukul enam pagi, dan petugas mengatakan perlu surat pindah dari daerah asal. Padahal di awal tidak ada yang menyampaikan persyaratan tersebut. Akhirnya saya harus cuti kerja tiga hari untuk mengurus ke daerah asal istri. Saya berharap informasi persyaratan disampaikan dengan lengkap sejak awal, misalnya dalam bentuk daftar tertulis di loket atau di website, agar warga tidak bolak-balik. Saya juga berharap ada kejelasan kapan blangko KTP-el tersedia kembali. Demikian saran dan pengaduan saya. Terima kasih atas perhatiannya. Hormat saya, {nama}.
"""

# Hand-written hoax and hoax-like reports (hoax = 1), each used once, in many registers. Many carry no
# obvious cue word; some are forwarded verbatim, some asked about ("apa benar"), some reported as fraud.
HAND_HOAX = r"""
DINSOS|Hoaks/Disinformasi|i|min, di grup PKK ada yang bilang BLT lansia 900 ribu bisa diambil di kantor pos asal bawa fotokopi KTP 3 lembar dan materai. ibu saya umur 67, beneran ada gak?
DISKOMINFO|Hoaks/Disinformasi|p|pesan WA masuk ke hp bapak saya: "Bpk/Ibu terdaftar sbg penerima Bantuan Subsidi Upah tahap 4, lengkapi data di {url} paling lambat hari ini". bapak saya udah pensiun dari 2019, gimana bisa dapat BSU. tolong diumumkan ini penipuan
DINSOS|Hoaks/Disinformasi|p|Ada orang keliling kampung {desa} mengaku petugas Dinsos, mendata warga untuk bantuan renovasi dapur Rp 15 juta. Syaratnya bayar uang survei 100 ribu. Sudah 12 KK yang bayar.
DISKOMINFO|Hoaks/Disinformasi|i|Bansos beras 20 kg katanya mau dibagikan lagi tiap bulan sampai akhir tahun, tapi cuma untuk yang daftar ulang lewat aplikasi hijau yang dikirim di grup. Aplikasinya bentuknya file apk. Aman gak ini diinstall?
DISKOMINFO|Hoaks/Disinformasi|p|bantuan Rp 2,4 jt buat ojol dan pedagang kaki lima katanya udah cair, tinggal "aktivasi" pake kode OTP yang dikirim ke hp. tetangga sy kasih kodenya, whatsappnya langsung kebajak
DINSOS|Hoaks/Disinformasi|i|nyuwun pirsa, jarene saben KK sing duwe bocah sekolah entuk bantuan seragam 750 ewu, daftare neng bu RT karo mbayar 20 ewu. leres nopo mboten?
DINSOS|Hoaks/Disinformasi|i|punten, saur tatangga aya bantosan sembako kanggo randa ti bupati, kedah daptar ka nomer WA nu disebar dina grup. leres kitu?
DISKOMINFO|Hoaks/Disinformasi|p|KARTU SEMBAKO DIGITAL pengganti KKS lama katanya wajib diurus sebelum tanggal 15, kalo enggak bantuan diputus permanen. Yang nyebar ngakunya koordinator kecamatan. Warga antri ngumpulin KTP ke rumahnya.
DISKOMINFO|Hoaks/Disinformasi|p|ada poster di tiang listrik {landmark}: "Pinjaman modal tanpa bunga dari Pemkab, cair 1 hari, hub. {hp}". logo pemkabnya juga dipasang. pasti palsu kan? tolong dicabut
DISNAKER|Hoaks/Disinformasi|i|Benarkah ada rekrutmen pekerja pabrik sepatu di Korea lewat Disnaker kabupaten, tanpa kursus bahasa, cukup setor Rp 18 juta untuk tiket dan visa? Keponakan saya sudah diminta DP.
SETDA|Hoaks/Disinformasi|p|Saudara saya dijanjikan jadi PPPK paruh waktu oleh orang yang ngaku staf BKD, asal bayar 35 juta. Sudah kasih 10 juta di muka, sekarang orangnya susah dihubungi.
DISKOMINFO|Hoaks/Disinformasi|p|"DIBUKA LOWONGAN PETUGAS SENSUS DESA 2025, honor 4,5jt/bln, tanpa ijazah, kirim CV + biaya materai digital 75rb ke dana {hp}" - ini nyebar di fb jual beli {kec}. udah ada yang transfer.
SETDA|Hoaks/Disinformasi|i|kata temen sy ada jalur titipan CPNS pemkab buat lulusan SMA, bayarnya bisa nyicil. emang ada formasi buat SMA tahun ini?
DISDIK|Hoaks/Disinformasi|i|Apakah benar guru honorer yang sudah 5 tahun mengabdi otomatis diangkat PPPK kalau ikut pelatihan daring berbayar Rp 1,2 juta dari "Forum Honorer Nasional"? Di grup guru kami banyak yang mau ikut.
DINKES|Hoaks/Disinformasi|p|Ada yang mengaku dari Dinkes menawarkan jadi kader posyandu bergaji UMR, syaratnya beli seragam dan tas Rp 450 ribu. Ibu-ibu di RW kami sudah 8 orang yang bayar.
RSUD|Hoaks/Disinformasi|p|pesan berantai loker satpam RSUD: "dibutuhkan 40 org, tinggi min 165, bawa uang pengganti seragam saat interview". orang RSUD sendiri bilang gak ada lowongan. tolong diluruskan
BPBD|Hoaks/Disinformasi|i|min tadi ada voice note beredar katanya tanggul {sungai} udah retak panjang dan malam ini mau dibuka paksa biar kota gak kebanjiran, jadi kampung kami dikorbankan. beneran gitu?
BPBD|Hoaks/Disinformasi|p|Warga {desa} sampai mengungsi ke masjid semalam karena ada yang teriak-teriak lewat toa bahwa bendungan di hulu jebol. Ternyata air sungai normal saja. Mohon pelakunya dicari, banyak lansia yang jatuh waktu lari.
BPBD|Hoaks/Disinformasi|i|Kata tukang ojek di pangkalan, ahli dari Jepang bilang bakal ada tsunami setinggi 20 meter bulan depan sampai ke wilayah kita. Kita kan jauh dari laut, tapi ibu saya sudah tidak bisa tidur. Tolong dijelaskan.
DISKOMINFO|Hoaks/Disinformasi|p|video gempa besar yang katanya di {kec} tadi pagi itu ternyata video lama dari negara lain, tapi sudah dibagikan ribuan kali dan ada yang bikin penggalangan dana atas nama korban. rekeningnya atas nama pribadi.
BPBD|Hoaks/Disinformasi|i|beneran gak sih gunung yang di perbatasan itu statusnya udah awas dan jalur evakuasi ditutup? di tiktok rame tapi di website BPBD gak ada apa-apa
BPBD|Hoaks/Disinformasi|p|Ada akun yang menyebarkan peta "zona merah longsor" buatannya sendiri, isinya hampir seluruh {kec}. Harga tanah di sini langsung anjlok dan pembeli batal. Peta itu bukan dari BPBD kan?
BPBD|Hoaks/Disinformasi|i|Apakah benar nanti malam jam 1 akan ada gempa karena planet sejajar? Anak-anak di kampung kami disuruh tidur di luar rumah.
DINKES|Hoaks/Disinformasi|i|Pak, ada yang jual air doa yang katanya sudah diuji lab Dinkes bisa menyembuhkan diabetes dan stroke. Botolnya ada stiker "direkomendasikan Dinas Kesehatan". Apa benar dinkes memberi rekomendasi?
DINKES|Hoaks/Disinformasi|p|Tetangga saya berhenti minum obat TBC karena baca di grup WA bahwa obat dari puskesmas merusak ginjal dan cukup diganti jus daun kelor. Sekarang batuknya makin parah. Mohon ada penyuluhan.
DINKES|Hoaks/Disinformasi|i|mau nanya, katanya imunisasi polio yg tetes itu sebenernya buat ngurangin jumlah penduduk. bu bidan bilang bukan. yg bener yg mana
DINKES|Hoaks/Disinformasi|p|ada yg ngaku mantri keliling nawarin suntik vitamin "anti DBD" 50rb per anak, katanya program puskesmas. beberapa anak malah demam setelahnya
DINKES|Hoaks/Disinformasi|i|Benarkah penderita darah tinggi tidak boleh makan nasi sama sekali dan cukup makan mentimun tiga kali sehari? Info ini dari grup pengajian ibu-ibu, katanya dari dokter puskesmas.
RSUD|Hoaks/Disinformasi|i|beredar info RSUD tidak terima pasien BPJS lagi mulai bulan depan dan semua harus bayar umum. bener gak? bapak saya cuci darah rutin disana
DINKES|Hoaks/Disinformasi|p|Status WA yang bilang di {desa} ada wabah difteri dan sudah 9 anak meninggal bikin sekolah sepi. Kami tidak pernah dengar ada yang meninggal. Mohon Dinkes klarifikasi secara resmi.
DINKES|Hoaks/Disinformasi|i|ini bener gak makan mie instan barengan sama coklat bisa bikin keracunan? anak sy suka bgt dua2nya
PDAM|Hoaks/Disinformasi|i|Pak, katanya air PDAM sekarang dicampur kaporit dosis tinggi yang bikin kanker, makanya dinding bak mandi jadi kebiruan. Apa benar? Kami sekeluarga jadi takut mandi.
PDAM|Hoaks/Disinformasi|p|Ada orang berseragam mirip PDAM datang ke rumah-rumah di {perum}, bilang meteran harus diganti yang digital, bayar Rp 350.000 di tempat. Pas kami telepon kantor PDAM katanya tidak ada program itu.
PDAM|Hoaks/Disinformasi|i|min, di grup RT ada yang share katanya PDAM nemu bangkai di tandon utama, jadi air 3 hari ke depan jangan dipake masak. udah ada pengumuman resmi blm?
PDAM|Hoaks/Disinformasi|p|Akun tiktok yang nunjukin air PDAM berisi cacing ternyata rekaman dari bak mandi yang tidak pernah dikuras, tapi judulnya "AIR PDAM {kab} BERCACING". Pelanggan jadi ramai minta berhenti langganan.
PDAM|Hoaks/Disinformasi|i|katanya tarif PDAM naik 3x lipat mulai bulan depan buat bayar utang pemda. ini bener? kok gak ada sosialisasi
DISKOMINFO|Hoaks/Disinformasi|i|Di grup wali murid {sekolah} rame pesan katanya ada penculik menyamar jadi badut dan penjual balon, sudah ada anak hilang di kecamatan sebelah. Guru bilang belum tahu. Apa ada laporan resmi?
SATPOLPP|Hoaks/Disinformasi|p|Warga hampir menghakimi orang gila yang lewat di {desa} karena dikira penculik anak gara-gara pesan berantai. Untung pak RT datang. Tolong ada klarifikasi supaya tidak ada korban salah sasaran.
DISKOMINFO|Hoaks/Disinformasi|p|KAMI MOHON DIKLARIFIKASI! foto anak diikat di mobil yang katanya terjadi di {jalan} itu bohong, anaknya keponakan saya lagi main di rumah neneknya. sekarang fotonya disebar dg keterangan penculikan
DISKOMINFO|Hoaks/Disinformasi|i|apa bener ada penjualan organ anak di perbatasan kabupaten? ibu2 di posyandu pada takut anaknya keluar rumah
DISHUB|Hoaks/Disinformasi|i|Ada pesan katanya mulai Senin semua motor yang bannya kecil akan ditilang Rp 500 ribu dan STNK ditahan Dishub. Dishub memang bisa menilang motor?
DISKOMINFO|Hoaks/Disinformasi|p|pengumuman "razia KTP dan surat nikah" di kos-kosan oleh satpol pp malam ini ternyata dibikin orang iseng, penghuni kos pada kabur. bikin panik aja. cari pelakunya pak
SATPOLPP|Hoaks/Disinformasi|i|benarkah PKL yang tidak punya kartu anggota paguyuban baru akan digusur minggu ini? kartunya dijual 250 ribu sama ketua paguyuban, katanya itu perintah satpol pp
BAPENDA|Hoaks/Disinformasi|i|Ada yang bilang mulai tahun ini kendaraan yang telat pajak lebih dari 2 tahun langsung dianggap bodong dan dirampas negara. Benar begitu? Motor saya telat 3 tahun.
DISKOMINFO|Hoaks/Disinformasi|p|Nomor WA pakai foto profil pak camat {kec} minta tolong ditransfer dulu 2 juta untuk bantuan warga kena musibah, katanya nanti diganti. Kepala desa kami hampir transfer.
SETDA|Hoaks/Disinformasi|p|Ada akun WA yang memakai foto dan nama Sekda menghubungi para kepala sekolah, minta "partisipasi" untuk acara HUT kabupaten Rp 5 juta per sekolah dikirim ke {rek}.
DISKOMINFO|Hoaks/Disinformasi|i|Ini beneran nomer barunya pak bupati ya? {hp}. katanya nomor lama diretas, dan sekarang minta semua ketua RT save nomor ini dan kirim data warga miskin
INSPEKTORAT|Hoaks/Disinformasi|p|Ada orang yang mengaku dari inspektorat menelpon kepala desa kami bahwa ada temuan dan bisa "dibantu diselesaikan" asal transfer 25 juta. Kades kami ketakutan.
DISKOMINFO|Hoaks/Disinformasi|p|telegram ngatasnamain kadinsos minta pendamping PKH setor "dana koordinasi". pendampingnya teman saya, dia bingung mau lapor ke siapa
DISDUKCAPIL|Hoaks/Disinformasi|i|apa benar KK lama yang belum ada barcode tidak berlaku lagi dan harus dicetak ulang bayar 50rb
DISDUKCAPIL|Hoaks/Disinformasi|i|Katanya yang belum aktivasi IKD (KTP digital) sebelum akhir bulan, NIK-nya diblokir dan tidak bisa ambil bansos. Apa benar?
DISDIK|Hoaks/Disinformasi|i|apa benar anak yg tdk ikut les di guru kelas tidak naik kelas? itu kata wali murid lain
DISDIK|Hoaks/Disinformasi|i|Benar tidak kalau PPDB tahun ini anak yang rumahnya kontrak tidak bisa ikut zonasi sama sekali dan harus pakai jalur mandiri berbayar?
BAPENDA|Hoaks/Disinformasi|i|Katanya rumah yang pakai AC lebih dari dua PBB-nya otomatis naik jadi kategori mewah. Ini kebijakan bapenda?
DISPERINDAG|Hoaks/Disinformasi|i|beras di {pasar} katanya ada yang dicampur plastik, kalau dimasak jadi kenyal. bener gak min? yang jual sampe sepi
DISPERINDAG|Hoaks/Disinformasi|i|Minyak goreng merek tertentu katanya ditarik karena tidak halal, beredar fotonya di grup pengajian. Apa ada penarikan resmi?
DISKOMINFO|Hoaks/Disinformasi|i|bner gk sih internet di kabupaten mau dimatiin 3 hari pas pilkades
SETDA|Hoaks/Disinformasi|i|katanya Pemkab mau ganti hari libur ASN jadi Jumat-Sabtu, jadi kantor tutup hari Jumat. kalau benar, layanan ke masyarakat gimana?
DPUPR|Hoaks/Disinformasi|i|Katanya {jalan} mau dilebarkan dan rumah-rumah di pinggirnya digusur tanpa ganti rugi minggu depan. Benar begitu? Kami belum pernah diajak sosialisasi.
DISPERKIM|Hoaks/Disinformasi|i|ada yang bilang rumah yang belum punya septic tank standar bakal didenda 2 juta mulai tahun depan. bener ya?
DLH|Hoaks/Disinformasi|i|Apakah benar warga yang ketahuan bakar sampah daun di pekarangan sendiri bisa dipenjara 3 tahun? Orang tua saya bingung.
DISKOMINFO|Hoaks/Disinformasi|p|Fwd: besok sekolah libur semua, surat edaran bupati menyusul
DISKOMINFO|Hoaks/Disinformasi|p|diteruskan dari grup sebelah: jgn isi bensin di spbu jl lingkar, bensinnya dicampur air
DISKOMINFO|Hoaks/Disinformasi|p|Info A1: pasar hewan tutup 2 bulan krn antraks
DISKOMINFO|Hoaks/Disinformasi|p|*PENTING* jangan angkat telepon dari nomor berawalan +882, sekali angkat pulsa dan isi rekening langsung terkuras
DINKES|Hoaks/Disinformasi|p|katanya puskesmas ga boleh ngasih obat lagi ke pasien BPJS
DISKOMINFO|Hoaks/Disinformasi|p|dari grup bapak2: SIM mati tinggal bayar denda, ga usah tes ulang, urusnya di kantor desa
BPBD|Hoaks/Disinformasi|i|gempa 7 SR barusan?? kok di sini gak kerasa apa2
DISKOMINFO|Hoaks/Disinformasi|p|"Mulai bulan depan ngobrol soal politik di grup WA bisa dipidana, semua pesan direkam" heboh lagi nih di grup RW
DISNAKER|Hoaks/Disinformasi|i|dapet info UMK turun jd 1,5 jt tahun dpn, beneran??
DISKOMINFO|Hoaks/Disinformasi|p|Selamat malam admin. Saya mau menyampaikan keresahan. Sejak dua minggu ini di beberapa grup WhatsApp warga {kec} beredar tulisan panjang yang mengatasnamakan "tim ahli kesehatan kabupaten". Isinya menyebutkan bahwa sinyal menara telekomunikasi baru {landmark} menyebabkan sakit kepala, keguguran, dan ayam-ayam warga mati. Tulisan itu juga mengajak warga datang beramai-ramai merobohkan menaranya hari Jumat setelah salat. Saya khawatir ini berakhir ricuh. Setahu saya tidak ada tim ahli seperti itu. Mohon pemkab segera memberikan penjelasan resmi dan melibatkan tokoh masyarakat sebelum hari Jumat.
DINSOS|Hoaks/Disinformasi|p|Yth. Dinas Sosial. Ibu saya (72 th) bulan lalu menerima telepon dari seseorang yang mengetahui nama lengkap, alamat dan nomor KKS beliau. Orang tersebut menyampaikan bahwa ibu saya akan mendapat bantuan lansia susulan Rp 4.800.000 untuk satu tahun, namun harus membayar biaya pemberkasan lebih dulu melalui agen di desa. Ibu saya sudah mengirim Rp 600.000 melalui tetangga. Setelah itu nomor tersebut tidak bisa dihubungi. Kami ingin tahu dari mana data ibu saya bisa bocor, dan mohon diumumkan di desa-desa bahwa modus seperti ini penipuan.
DISKOMINFO|Hoaks/Disinformasi|i|Assalamualaikum. Mohon maaf mengganggu, saya mau bertanya dengan sopan. Di grup alumni SMA kami ada yang mengirim gambar surat berkop Pemerintah Kabupaten {kab}, isinya pemberitahuan bahwa semua tanah yang belum bersertifikat per 31 Desember akan diambil alih negara. Suratnya ada tanda tangan dan stempel, tapi nomornya aneh dan ada salah ketik di nama jabatan. Orang tua saya punya sawah warisan yang belum disertifikatkan dan sekarang panik. Apakah surat itu asli?
SETDA|Hoaks/Disinformasi|p|Kami dari paguyuban pedagang {pasar} ingin melaporkan selebaran yang dibagikan subuh tadi. Isinya: pasar akan dirobohkan bulan depan dan diganti mall milik investor, pedagang lama tidak diberi tempat. Selebaran itu tidak ada kopnya tapi ditulis "atas nama Bupati". Pedagang sudah ada yang mau demo. Kalau memang tidak ada rencana seperti itu, tolong dinas datang ke pasar menjelaskan langsung.
DISKOMINFO|Hoaks/Disinformasi|p|WOY YG BILANG JEMBATAN {sungai} MAU DIBONGKAR BESOK ITU NGARANG, SAYA KERJA DI PROYEKNYA. TAPI ORANG2 UDH PADA MUTER JAUH GARA2 PESAN ITU
DISKOMINFO|Hoaks/Disinformasi|p|gaes katanya yg ga pasang bendera merah putih sebulan penuh didenda desa. emg ada aturan gitu??
DISKOMINFO|Hoaks/Disinformasi|i|anjir ini beneran? "dana desa {desa} dipake kades buat beli mobil, bukti ada di link" linknya {url} tp pas dibuka minta login fb
DINSOS|Hoaks/Disinformasi|p|bansos ditarik semua klo ketauan punya hp android. td ada ibu2 nangis di warung gara2 ini. ga mungkin kan
DISKOMINFO|Hoaks/Disinformasi|p|mending jgn ke alun2 malem minggu ini katanya bakal ada bom. ga tau dr siapa tp udah nyebar di 5 grup
PDAM|Hoaks/Disinformasi|p|Ngeri, ada yang upload di fb katanya ada yang liat orang naik ke tandon PDAM bawa jeriken, terus disimpulin airnya diracun. yang naik itu petugas kuras tandon. jgn asal nuduh
DISKOMINFO|Hoaks/Disinformasi|i|kulo angsal kabar saking grup, jare sesuk ana pemadaman listrik seminggu sak kabupaten. leres nopo mboten nggih
BPBD|Hoaks/Disinformasi|i|punten, di grup aya nu ngirim, cenah {sungai} bade banjir bandang wengi ieu ti luhur. leres teu? warga tos sieun
DINKES|Hoaks/Disinformasi|p|Ibu-ibu neng kampung ora gelem nggowo bocah imunisasi amarga jare vaksine gawe lumpuh. Nyuwun penyuluhan saking puskesmas.
DISKOMINFO|Hoaks/Disinformasi|p|aya beja yen jalmi nu teu gaduh e-KTP moal tiasa milih sareng moal kenging bantuan deui. seueur nu panik. punten dijelaskeun
DISDUKCAPIL|Hoaks/Disinformasi|p|ada orang bikin "jasa cek NIK terdaftar bansos" di {url}, minta upload foto KTP dan KK. banyak warga desa yang pakai. ini sah gak? data kami bisa disalahgunakan
DISKOMINFO|Hoaks/Disinformasi|p|Grup fb "Info {kec} Terkini" posting foto kecelakaan bus anak sekolah katanya tadi pagi di {jalan}, padahal itu foto tahun lalu dari luar kota. Orang tua pada nelpon sekolah sampai sekolah kewalahan.
BAPENDA|Hoaks/Disinformasi|p|Dapat SMS tagihan PBB atas nama bapak saya dengan nominal Rp 2,3 juta dan disuruh bayar ke virtual account yang bukan bank daerah. Di SPPT asli cuma Rp 180 ribu. Mohon diumumkan ke warga.
DISHUB|Hoaks/Disinformasi|p|di grup ojol ada yg nyebar "mulai besok parkir di seluruh jalan kabupaten pakai aplikasi, yg bayar tunai didenda". dishub sendiri belum ada info apa2. kasian jukir dimarahin orang
DISPERINDAG|Hoaks/Disinformasi|p|Video pedagang menyuntik semangka dengan pewarna yang katanya di {pasar} itu bukan di sini. Penjual semangka di pasar kami omzetnya jatuh. Mohon Disperindag bantu klarifikasi.
DISKOMINFO|Hoaks/Disinformasi|i|Mau tanya, pesan "pengecekan data pemilih, klik untuk memastikan nama Anda terdaftar di pilkada" dari {url} itu resmi KPU atau bukan? Banyak yang sudah klik.
DINSOS|Hoaks/Disinformasi|i|tetangga bilang kalau mau dapat PKH harus gabung partai tertentu dulu, ada formulirnya di posko. beneran?
DISKOMINFO|Hoaks/Disinformasi|p|Ada undangan pernikahan berbentuk file apk dikirim ke grup guru. Yang membuka, m-banking-nya terkuras. Sudah 3 guru jadi korban.
DISKOMINFO|Hoaks/Disinformasi|p|katanya yg punya tunggakan pinjol bakal dicoret dari bansos dan KTPnya diblokir, disebar di grup ibu2 arisan. bikin resah
DPUPR|Hoaks/Disinformasi|i|beneran jalan tol mau lewat {desa}? sudah ada yg ngaku makelar tanah nawarin beli sawah murah sebelum harganya turun katanya
BPBD|Hoaks/Disinformasi|p|Ada akun ngaku relawan BPBD minta sumbangan untuk korban longsor di {desa}, padahal di sana tidak ada longsor sama sekali. Rekening atas nama pribadi.
DISKOMINFO|Hoaks/Disinformasi|p|Pak, di kampung kami beredar kabar bahwa sumur warga akan dikenai pajak bulanan mulai tahun depan dan petugas akan datang memasang segel. Orang-orang sudah ribut di pos ronda.
DINKES|Hoaks/Disinformasi|i|Mertua saya yakin minum air rendaman paku berkarat bisa menambah darah, katanya disarankan kader posyandu. Ini benar atau tidak ya
DISKOMINFO|Hoaks/Disinformasi|p|lapor min, ada grup telegram jual "data penerima bansos {kab}" lengkap NIK. contohnya yang ditampilkan ternyata nama-nama karangan, tapi banyak yang beli. penipuan berkedok kebocoran data
DISDIK|Hoaks/Disinformasi|p|Wali murid di {sekolah} diminta transfer Rp 400 ribu oleh nomor yang mengaku bendahara sekolah untuk "asuransi siswa". Sekolah bilang tidak pernah ada.
DISKOMINFO|Hoaks/Disinformasi|i|Benarkah foto jalan terbelah di {kec} yang viral semalam? Saya lewat situ pagi ini kok biasa saja.
SATPOLPP|Hoaks/Disinformasi|i|ada yg bilang malam ini satpol pp razia HP di jalan, yg ketahuan simpan video tertentu ditahan. emang boleh razia HP?
DISKOMINFO|Hoaks/Disinformasi|p|itu foto surat pemberhentian camat yang beredar tanda tangannya beda sama tanda tangan bupati yang biasa, tapi sudah dibagikan di mana-mana. bikin kacau
"""

# Hand-written genuine reports (hoax = 0): some use cue words of rumours (links, "apa benar", "sebarkan", caps),
# many more varied aspirasi and permintaan_informasi, and pengaduan written as questions.
HAND_MORE = r"""
DISDIK|Sekolah/PPDB|i|apakah benar pendaftaran PPDB SMP negeri dibuka tanggal 10 Juni? di instagram dinas tertulis begitu, cuma mau memastikan jam bukanya
DISKOMINFO|Informasi Publik|p|Website resmi kecamatan {kec} sepertinya diretas, kalau dibuka malah muncul iklan judi online dan link aneh {url}. Mohon segera diamankan, banyak warga yang cari info layanan di situ.
DISKOMINFO|Informasi Publik|i|Tolong sebarkan juga ke grup-grup desa min, jadwal vaksinasi di posyandu yang kemarin diumumkan di IG pemkab, soalnya warga kami banyak yang tidak pakai instagram. Apa boleh kami cetak dan tempel?
BPBD|Bencana|p|AWAS!!! AIR {sungai} NAIK SUDAH SEPINGGANG DI RT {rt} {desa}, ADA LANSIA DAN BAYI YANG BELUM BISA KELUAR. TOLONG PERAHU KARET SEGERA!!! SEBARKAN KE RELAWAN
DINSOS|Bansos/PKH|i|Apa benar pencairan PKH tahap ini mulai minggu depan lewat kantor pos? pendamping sudah umumkan di grup KPM, saya hanya mau memastikan harus bawa apa saja
DISNAKER|PHK/Ketenagakerjaan|i|Apakah benar ada job fair di GOR kabupaten tanggal 20? Saya lihat posternya di kantor desa, ada logo Disnaker. Gratis kan?
DINKES|Kesehatan Lingkungan/Penyakit|p|Ini bukan hoaks ya min, di {desa} memang ada 4 anak dirawat karena campak minggu ini, satu di RSUD. Tolong segera ada imunisasi kejar, jangan sampai menyebar.
PDAM|Air PDAM Mati|i|Barusan dapat pesan broadcast dari nomor resmi PDAM soal penghentian aliran besok jam 8-16 karena perbaikan pipa di {jalan}. Itu berlaku untuk {perum} juga atau tidak?
DISDUKCAPIL|KTP-el/KK|p|Ada yang buka "jasa cetak KTP kilat" di depan kantor dukcapil, bayar 200 ribu langsung jadi. Saya curiga ada orang dalam. Tolong diselidiki.
DISHUB|Lalu Lintas/Rambu|i|Benar tidak {jalan} ditutup total minggu depan untuk perbaikan jembatan? Ada spanduk pengumuman dari dinas di ujung jalan, tapi tidak tertulis jalur alternatifnya.
SATPOLPP|PKL/Ketertiban|i|apa benar ada penertiban PKL di trotoar {jalan} hari Senin? sudah ada surat edaran yang ditempel satpol pp di lapak2. kami mau tanya dipindah ke mana
DISKOMINFO|Internet/Wifi Publik|p|Link pendaftaran wifi desa yang ada di website desa {desa} mengarah ke situs lain yang minta nomor rekening. Mungkin salah ketik admin desa. Tolong dicek sebelum ada korban.
INSPEKTORAT|Pungli|p|Ada pesan WA dari kepala sekolah ke semua wali murid: "mohon transfer iuran perpisahan Rp 350.000 ke rekening pribadi saya paling lambat Jumat". Ini nyata, saya punya tangkapan layarnya. Apakah sekolah negeri boleh begini?
DAMKAR|Kebakaran|p|KEBAKARAN!!! gudang kayu {landmark} api sudah besar, asap hitam kelihatan dari jalan raya, damkar belum datang, tolong teruskan ke pos terdekat
BPBD|Bencana|i|Apa benar BMKG mengeluarkan peringatan dini cuaca ekstrem untuk wilayah kita tiga hari ke depan? Saya lihat di aplikasi resmi, kami petani mau menunda panen kalau memang benar.
DINKES|Puskesmas|i|Apakah benar posyandu di {desa} bulan ini dipindah ke balai desa? Bidan desa sudah umumkan di grup, saya hanya ingin memastikan tanggalnya.
DISKOMINFO|Informasi Publik|a|Usul supaya setiap ada hoaks yang viral, pemkab cepat bikin klarifikasi di grup WA desa, jangan hanya di instagram. Orang tua kami lebih percaya pesan berantai.
DISKOMINFO|Informasi Publik|i|Kemana kami harus melapor kalau menemukan berita bohong di grup WA warga? Apa ada nomor aduan khusus?
DISKOMINFO|Informasi Publik|a|Alangkah baiknya ada pelatihan cek fakta untuk ibu-ibu PKK dan karang taruna, banyak sekali pesan berantai yang langsung dipercaya.
DPUPR|Jembatan|p|JEMBATAN DI {desa} RETAK BESAR SETELAH BANJIR SEMALAM!!! tiangnya bergeser, tapi truk masih lewat. tolong segera ditutup sebelum ambruk, ini bukan hoaks ada fotonya
DINSOS|Bansos/PKH|p|ayah saya ditelepon orang ngaku pendamping PKH minta kode OTP, untung tidak dikasih. Tolong dinsos ingatkan warga, pendamping asli tidak pernah minta OTP kan?
DLH|Pencemaran Lingkungan|p|Sebarkan ke warga sekitar {sungai}: jangan pakai air sungai dulu untuk mandi, tadi siang ada tumpahan oli dari truk tangki yang terguling di jembatan. Sudah kami laporkan ke polsek juga. Mohon DLH ambil sampel.
SETDA|Kinerja ASN|p|Ada pegawai kecamatan yang kirim link pendaftaran bantuan di grup RT lewat {url}, katanya link resmi tapi formulirnya minta foto KTP dan selfie. Apakah memang perlu data sebanyak itu? Kami khawatir bocor.
DISDIK|Sekolah/PPDB|i|Info dong, pengumuman hasil PPDB jalur zonasi kapan? Di grup wali murid ada yang bilang besok, ada yang bilang minggu depan
DISNAKER|PHK/Ketenagakerjaan|p|Perusahaan tempat saya kerja tiba-tiba umumkan di grup karyawan: "mulai besok semua karyawan kontrak dirumahkan tanpa gaji, sebarkan ke rekan lain". Ini boleh tidak? Kami tidak diberi surat apapun.
PDAM|Air PDAM Mati|p|AIR PDAM BAU KAPORIT MENYENGAT SEKALI HARI INI, anak saya sampai mual. mohon cek takarannya, ini bukan isu, sudah 5 rumah di gang kami yang sama
DISKOMINFO|Informasi Publik|i|Apa benar nomor WA layanan pengaduan pemkab sekarang {hp}? Tercantum di brosur dari kecamatan, tapi saya ingin memastikan sebelum kirim data pribadi.
SATPOLPP|Gangguan Ketertiban|p|awas buat warga {desa}, dua malam ini ada maling motor beraksi, sudah 3 motor hilang dari teras. sudah lapor polsek, mohon satpol dan linmas bantu patroli
BPBD|Bencana|i|gempa barusan kerasa kenceng banget di {desa}, ada info pusatnya dimana dan apakah perlu keluar rumah?
DINKES|BPJS/Layanan Kesehatan|i|Apa benar mulai bulan depan rujukan BPJS harus lewat aplikasi dan tidak bisa lagi pakai surat dari puskesmas? Petugas loket puskesmas bilang begitu.
DINSOS|Bansos/PKH|i|Katanya ada pendataan ulang penerima bansos oleh petugas desa minggu ini, benar? Kami belum didatangi.
DISPERINDAG|Harga/Kelangkaan Barang|p|INFO UNTUK SEMUA: di {pasar} timbangan beberapa pedagang daging dicurangi, sudah saya buktikan pakai timbangan sendiri. Mohon tera ulang, teruskan ke pembeli lain
DPUPR|Jalan Rusak|a|kalau bisa sih jalan ke {desa} dicor aja sekalian, tiap tahun ditambal juga rusak lagi
DPUPR|Banjir/Drainase|a|gimana kalau di ujung {jalan} dibikin sumur resapan? air hujan kan jadi gak lari ke rumah warga semua
DISHUB|Lalu Lintas/Rambu|a|Apa tidak sebaiknya lampu merah di perempatan {landmark} dibuat lebih lama hijaunya untuk arah pasar? Pagi hari antreannya sampai 500 meter.
DISHUB|Angkutan Umum|a|Kami para pelajar berharap ada bus sekolah yang lewat {desa}. Selama ini kami numpang mobil bak terbuka.
DLH|Sampah|a|sebaiknya jadwal angkut sampah diumumkan di grup RT, jadi warga tidak buang sampah ke pinggir jalan waktu truk tidak datang
DLH|Pohon/Taman|a|Semoga taman di {desa} bisa ditambah pohon peneduh, sekarang siang hari panas sekali dan tidak ada yang mau duduk di sana.
DLH|Pencemaran Lingkungan|a|Pengennya sih ada pemeriksaan rutin limbah pabrik yang hasilnya diumumkan ke warga, biar kami tidak curiga terus.
DISDUKCAPIL|KTP-el/KK|a|Bagus kalau layanan dukcapil dibuka hari Sabtu juga, kami yang kerja pabrik tidak bisa izin.
DISDUKCAPIL|Akta Kelahiran/Kematian|a|mungkin bisa dipertimbangkan akta kelahiran langsung diurus dari puskesmas atau bidan, biar orang tua gak bolak balik
DINSOS|Bansos/PKH|a|Harapan kami, pendataan DTKS dilakukan dari rumah ke rumah, bukan hanya dari daftar yang dibuat perangkat desa.
DINSOS|Disabilitas/ODGJ/Terlantar|a|menurut saya perlu ada rumah singgah untuk lansia terlantar di tiap kecamatan, kasihan mereka tidur di emperan
PDAM|Air PDAM Mati|a|Andai PDAM punya SMS pemberitahuan sebelum mematikan air, warga bisa menampung dulu. Tolong dipikirkan.
PDAM|Tagihan PDAM|a|Bisa gak pembayaran PDAM lewat QRIS? biar gak perlu antre di loket
DINKES|Puskesmas|a|Puskesmas {kec} sebaiknya buka layanan sore, banyak buruh yang baru pulang jam 4.
DINKES|Kesehatan Lingkungan/Penyakit|a|Kami warga RT {rt} siap kerja bakti PSN tiap Jumat asal dibantu bubuk abate dan pendampingan kader.
RSUD|Pelayanan Rumah Sakit|a|Usulan kecil: nomor antrean poli RSUD dibuat online saja, jadi pasien lansia tidak perlu datang subuh.
DISDIK|Sekolah/PPDB|a|Mohon ke depan sosialisasi PPDB dilakukan di tiap desa, banyak orang tua yang tidak paham jalur-jalurnya.
DISDIK|Sekolah/PPDB|a|kenapa tidak dibuat aja sekolah satu atap SD-SMP di {desa}? anak2 lulus SD banyak yang berhenti karena SMP jauh
SATPOLPP|PKL/Ketertiban|a|Daripada PKL diusir-usir terus, lebih baik disediakan lokasi khusus sore sampai malam di lahan parkir {pasar}.
SATPOLPP|Gangguan Ketertiban|a|Ronda malam di {desa} perlu diaktifkan lagi, mungkin satpol pp bisa bantu pelatihan linmas.
BPBD|Bencana|a|Tolong pikirkan jalur evakuasi yang jelas dan papan penunjuknya di kampung kami yang dekat {sungai}.
DAMKAR|Kebakaran|a|Saran saya, pos damkar kecil di {kec} dengan satu mobil saja sudah sangat membantu, dari kota ke sini 40 menit.
DPMPTSP|Perizinan|a|Akan lebih baik kalau status izin di aplikasi dilengkapi keterangan kekurangan berkas, jangan cuma tulisan "diproses".
DISNAKER|PHK/Ketenagakerjaan|a|pengen ada bursa kerja khusus lulusan SMK di kecamatan kami, jgn cuma di kota
DISPERKIM|Rumah Tidak Layak Huni|a|Semoga program bedah rumah tahun depan melibatkan tukang lokal, jadi warga juga dapat pekerjaan.
DISPERKIM|Prasarana Perumahan|a|Pemda sebaiknya mewajibkan developer menyerahkan fasum sebelum rumah terakhir dijual.
BAPENDA|Pajak Daerah/PBB|a|Kalau bisa SPPT PBB dikirim juga lewat WA atau email, yang di kertas sering tidak sampai.
DISPERINDAG|Pasar|a|Lebih bagus kalau los lantai dua {pasar} dipakai untuk pusat jajanan, biar ramai dan pedagang mau naik.
DISPERINDAG|Harga/Kelangkaan Barang|a|Operasi pasar sebaiknya digelar di desa-desa juga, bukan cuma di alun-alun.
INSPEKTORAT|Pungli|a|Ada baiknya dipasang papan tarif resmi layanan di setiap kantor desa, biar warga tahu mana yang gratis.
INSPEKTORAT|Penyalahgunaan Dana Desa|a|Laporan penggunaan dana desa {desa} sebaiknya ditempel di baliho depan balai desa lengkap dengan rinciannya.
SETDA|Aspirasi Pembangunan|a|Kami pemuda {desa} ingin dilibatkan dalam perencanaan pembangunan desa, bukan hanya diundang saat peresmian.
SETDA|Aspirasi Pembangunan|a|Pak Bupati, kami ingin ada gedung olahraga kecil di selatan kabupaten. Atlet voli kami harus latihan di lapangan tanah.
SETDA|Kinerja ASN|a|kayaknya perlu ada survei kepuasan di tiap loket layanan, biar pegawai yang ramah dapat apresiasi
DISKOMINFO|Internet/Wifi Publik|a|Wifi gratis bagusnya dipasang juga di balai desa {desa}, anak-anak sekolah di sini susah sinyal.
KEC_SUKAJADI|Lingkungan Desa/Kelurahan|a|warga {desa} kepengen ada lampu di jalan menuju makam, soalnya kalau ada yang meninggal malam hari gelap total
KEC_CIBEUREUM|Pelayanan Kecamatan/Desa|a|Akan sangat membantu bila surat pengantar dari desa bisa diminta lewat WA dan diambil saat sudah jadi.
KEC_NGADIREJO|Lingkungan Desa/Kelurahan|a|Usul ke pak camat, lapangan Ngadirejo Lor dipagari biar tidak dipakai parkir truk
KEC_KARANGMULYA|Lingkungan Desa/Kelurahan|a|semoga tahun depan ada anggaran buat posyandu di {desa}, sekarang masih numpang di teras rumah kader
KEC_TANJUNGSARI|Pelayanan Kecamatan/Desa|a|Saya kira pelayanan kecamatan perlu satu petugas yang bisa bahasa isyarat, adik saya tunarungu selalu kesulitan.
DPUPR|Jembatan|a|Jembatan gantung {desa} itu jadi jalur anak sekolah tiap hari, mungkin bisa diprioritaskan jadi jembatan beton.
DISHUB|Lampu Penerangan Jalan|a|Dengan segala hormat, kami mohon pertimbangan agar PJU tenaga surya dipasang di jalur {desa} - {desa2} yang belum terjangkau listrik.
DISDUKCAPIL|KTP-el/KK|i|mau bikin KTP buat anak yg baru 17 thn, bisa langsung ke kecamatan atau harus ke dinas
DISDUKCAPIL|Akta Kelahiran/Kematian|i|gimana caranya urus akta kematian kalau almarhum meninggal di luar kota
DINSOS|Bansos/PKH|i|info dong syarat daftar DTKS buat keluarga baru nikah
DINSOS|Bansos/PKH|i|Bantuan PKH tahap berikutnya kapan cair ya, kemarin belum masuk ke rekening
PDAM|Tagihan PDAM|i|pengen tau rincian tarif per kubik PDAM utk rumah tangga
PDAM|Air PDAM Mati|i|Air di {perum} mati sejak pagi, ada perbaikan di mana ya dan kira-kira kapan nyala lagi
DPUPR|Jalan Rusak|i|{jalan} yang dibongkar itu proyek apa dan sampai kapan? Tidak ada papan informasinya.
DPUPR|Tata Ruang/Bangunan|i|Syarat PBG untuk rumah dua lantai apa saja dan biayanya dihitung gimana
DISHUB|Angkutan Umum|i|angkot jurusan terminal ke {desa} masih ada gak sih? udah lama gak liat
DISHUB|Parkir Liar|i|tarif parkir resmi motor di pinggir jalan sebenarnya berapa, biar kami tidak ditarik seenaknya
DLH|Sampah|i|Kami mau bikin bank sampah di RW, ada pendampingan dari DLH gak? Prosedurnya seperti apa
DLH|Pohon/Taman|i|kalau mau menebang pohon besar di depan rumah sendiri perlu izin ke DLH tidak
DINKES|Puskesmas|i|Jadwal dokter gigi di puskesmas {kec} hari apa saja
DINKES|BPJS/Layanan Kesehatan|i|bpjs saya pindah faskes caranya gmn ya, sekarang udah pindah rumah
RSUD|Pelayanan Rumah Sakit|i|RSUD sudah ada layanan cuci darah untuk pasien BPJS belum? kalau ada daftarnya di mana
DISDIK|Sekolah/PPDB|i|Kuota jalur prestasi di SMPN 1 {kec} berapa persen dan piagam apa saja yang diakui
DISDIK|Sekolah/PPDB|i|anak sy pindahan dari luar provinsi, mau masuk SD kelas 3 di tengah semester bisa ga
SATPOLPP|PKL/Ketertiban|i|mau izin jualan di depan sekolah pakai gerobak, perlu surat dari mana
BPBD|Bencana|i|Apakah BPBD menyediakan pelatihan mitigasi bencana untuk sekolah? Kami guru di {sekolah} ingin mengajukan.
DAMKAR|Kebakaran|i|Tabung APAR di kantor desa sudah kedaluwarsa, isi ulangnya bisa di damkar tidak dan berapa biayanya
DPMPTSP|Perizinan|i|NIB untuk usaha rumahan katering perlu izin PIRT juga atau tidak
DISNAKER|PHK/Ketenagakerjaan|i|Kartu kuning AK1 sekarang masih dipakai gak? bikinnya di mana
DISNAKER|PHK/Ketenagakerjaan|i|pelatihan menjahit gratis dari BLK kapan dibuka lagi, syaratnya apa
DISPERKIM|Rumah Tidak Layak Huni|i|Kriteria rumah yang bisa dapat bantuan RTLH itu seperti apa? Rumah ibu saya dindingnya setengah tembok.
BAPENDA|Pajak Daerah/PBB|i|bayar PBB bisa dicicil gak kalau tunggakannya sudah 3 tahun
BAPENDA|Pajak Daerah/PBB|i|Denda keterlambatan PBB dihitung per bulan atau per tahun
DISPERINDAG|Pasar|i|cara daftar jadi pedagang di los baru {pasar} gimana, harus lewat siapa
DISPERINDAG|Harga/Kelangkaan Barang|i|Operasi pasar minyak goreng minggu ini dimana saja lokasinya
INSPEKTORAT|Pungli|i|Biaya legalisir di kantor desa itu resminya gratis atau bayar? Saya ingin tahu sebelum mengurus.
INSPEKTORAT|Penyalahgunaan Dana Desa|i|APBDes {desa} tahun ini bisa dilihat di mana? Warga berhak tahu kan
SETDA|Aspirasi Pembangunan|i|Hasil musrenbang kabupaten tahun lalu diumumkan di mana? Usulan desa kami masuk atau tidak
SETDA|Kinerja ASN|i|Jam kerja pelayanan kantor pemkab selama bulan puasa berubah tidak
DISKOMINFO|Informasi Publik|i|Mau minta data jumlah penduduk per desa untuk tugas kuliah, prosedurnya lewat PPID ya
DISKOMINFO|Internet/Wifi Publik|i|wifi alun2 passwordnya apa ya min
KEC_SUKAJADI|Pelayanan Kecamatan/Desa|i|Kantor desa {desa} pindah ke mana ya selama renovasi
KEC_CIBEUREUM|Lingkungan Desa/Kelurahan|i|pengajuan lampu jalan gang ke desa atau ke kecamatan dulu
KEC_NGADIREJO|Pelayanan Kecamatan/Desa|i|surat keterangan tidak mampu utk beasiswa, cukup dari desa atau harus tanda tangan camat juga
KEC_KARANGMULYA|Pelayanan Kecamatan/Desa|i|Camat Karangmulya terima tamu warga hari apa ya, kami mau audiensi soal tanah kas desa
KEC_TANJUNGSARI|Lingkungan Desa/Kelurahan|i|dana desa buat perbaikan jalan gang RT {rt} sudah dianggarkan belum tahun ini
DINKES|Kesehatan Lingkungan/Penyakit|i|Kalau ada tetangga kena TBC, keluarga lain perlu periksa juga tidak? Gratis di puskesmas?
DPUPR|Jalan Rusak|p|kenapa {jalan} belum juga diperbaiki?? udah lapor dari tahun lalu
DPUPR|Banjir/Drainase|p|Sampai kapan kami harus kebanjiran tiap hujan? Saluran di {desa} tidak pernah dikeruk.
DISHUB|Lampu Penerangan Jalan|p|lampu jalan di {jalan} itu mati udh sebulan, gak ada yg ngecek ya?
DISHUB|Parkir Liar|p|Apa jukir di depan {pasar} itu resmi? Kok minta 5 ribu dan tidak ada karcis?
DLH|Sampah|p|Kok truk sampah cuma datang seminggu sekali ke {perum}? Padahal iuran kami bayar tiap bulan.
DLH|Pencemaran Lingkungan|p|Siapa yang bertanggung jawab kalau sumur kami tercemar limbah pabrik tahu? Airnya sudah bau dan berminyak.
DISDUKCAPIL|KTP-el/KK|p|Kenapa urus KTP saja harus 3 bulan? Di kabupaten lain seminggu jadi.
DINSOS|Bansos/PKH|p|Kenapa nama ibu saya dicoret dari PKH tanpa pemberitahuan? Beliau janda dan tidak bekerja.
PDAM|Tagihan PDAM|p|air mati seminggu kok tagihannya tetap penuh? ini gimana hitungannya
PDAM|Air PDAM Mati|p|Apa PDAM tidak malu air mati terus di {desa}?? Tiga hari tidak ada setetes pun.
DINKES|Puskesmas|p|Mengapa puskesmas {kec} tutup jam 11 siang padahal di papan tertulis sampai jam 2?
RSUD|Pelayanan Rumah Sakit|p|Apakah wajar pasien IGD disuruh menunggu di lorong tanpa tempat tidur sampai pagi?
DISDIK|Sekolah/PPDB|p|Sekolah negeri kok masih minta uang bangunan 2 juta? Bukannya sudah gratis?
SATPOLPP|Gangguan Ketertiban|p|Balap liar tiap malam di {jalan}, apa memang dibiarkan saja?
SATPOLPP|PKL/Ketertiban|p|trotoar {jalan} itu buat pejalan kaki atau buat lapak? kok dibiarin terus
BPBD|Bencana|p|Sudah seminggu rumah kami rusak kena angin puting beliung, kapan bantuan datang? Kami tidur di rumah saudara.
DAMKAR|Kebakaran|p|kenapa damkar baru datang 1 jam setelah ditelepon? rumah tetangga habis terbakar
DPMPTSP|Perizinan|p|Izin usaha saya sudah 4 bulan tidak ada kabar, sebenarnya diproses atau tidak?
DISNAKER|PHK/Ketenagakerjaan|p|Apa boleh perusahaan menahan ijazah karyawan? Saya mau resign tapi ijazah tidak dikembalikan.
DISPERKIM|Prasarana Perumahan|p|Developer {perum} sudah kabur, lalu siapa yang harus memperbaiki jalan kompleks kami?
BAPENDA|Pajak Daerah/PBB|p|PBB naik hampir 3 kali lipat, dasar hitungannya apa? Tidak ada sosialisasi sama sekali.
DISPERINDAG|Pasar|p|Pasar {kec} atapnya bocor dari tahun lalu, mana perbaikannya?
DISPERINDAG|Harga/Kelangkaan Barang|p|gas 3 kg kok bisa 30 ribu di {desa}? HET nya kan bukan segitu
INSPEKTORAT|Pungli|p|Kenapa urus surat pindah di desa harus bayar 100 ribu? Ada aturannya?
INSPEKTORAT|Penyalahgunaan Dana Desa|p|Jalan rabat beton di {desa} baru 2 bulan sudah hancur, berapa sebenarnya anggarannya??
SETDA|Kinerja ASN|p|Pegawai di loket kok main hp terus sementara antrean panjang? Tidak ada pengawasan?
KEC_SUKAJADI|Pelayanan Kecamatan/Desa|p|kantor desa {desa} jam 10 udah tutup, terus warga harus ngurus surat kapan??
KEC_CIBEUREUM|Lingkungan Desa/Kelurahan|p|Lampu gang di RT {rt} {desa} mati dari lebaran, dana desa buat apa aja sih?
KEC_NGADIREJO|Pelayanan Kecamatan/Desa|p|Kenapa tanda tangan camat harus tunggu seminggu? Camatnya ke mana saja?
KEC_KARANGMULYA|Lingkungan Desa/Kelurahan|p|Selokan di {desa} mampet dan bau, kapan kerja bakti lagi? Perangkat desa diam saja.
KEC_TANJUNGSARI|Pelayanan Kecamatan/Desa|p|Kenapa surat domisili di kecamatan Tanjungsari harus pakai pengantar RT, RW, desa, baru camat? Ribet sekali.
DISKOMINFO|Internet/Wifi Publik|p|wifi gratis di balai desa {desa} kok tidak pernah nyala? cuma pajangan?
"""

# Genuine announcements that citizens forward or ask about (hoax = 0), wrapped in the same frames as rumours.
REAL_BODIES = [
    ("DISDUKCAPIL", "KTP-el/KK", "Layanan perekaman KTP-el keliling hadir di balai desa {desa} hari Sabtu pukul 08.00-12.00, bawa KK asli"),
    ("DINKES", "Kesehatan Lingkungan/Penyakit", "Fogging di {kec} dilaksanakan Minggu pagi, warga diminta membuka pintu dan menutup makanan"),
    ("PDAM", "Air PDAM Mati", "Aliran air PDAM wilayah {kec} dihentikan sementara Selasa pukul 09.00-15.00 karena penggantian pipa di {jalan}"),
    ("DISDIK", "Sekolah/PPDB", "Pendaftaran PPDB SD dan SMP dibuka mulai tanggal 3 sampai 8 Juni secara online, sekolah menyediakan operator bagi yang tidak punya HP"),
    ("DINSOS", "Bansos/PKH", "Penyaluran BPNT bulan ini melalui kantor pos {kec}, KPM wajib membawa KKS dan KTP asli dan tidak dipungut biaya apa pun"),
    ("BPBD", "Bencana", "Status siaga banjir untuk bantaran {sungai} dinaikkan, warga dekat sungai diminta waspada dan menyiapkan tas siaga"),
    ("DISNAKER", "PHK/Ketenagakerjaan", "Job fair kabupaten digelar di GOR {kab} tanggal 14-15, gratis dan tanpa pungutan"),
    ("BAPENDA", "Pajak Daerah/PBB", "Pemkab menghapus denda PBB bagi yang melunasi tunggakan sebelum akhir Agustus"),
    ("SATPOLPP", "PKL/Ketertiban", "PKL di trotoar {jalan} akan ditertibkan minggu depan dan dipindahkan ke lahan parkir {pasar}"),
    ("DINKES", "Puskesmas", "Imunisasi campak-rubela tambahan untuk anak 9 bulan sampai 15 tahun digelar di sekolah dan posyandu bulan ini, gratis"),
    ("DISDUKCAPIL", "KTP-el/KK", "KK sekarang dicetak di kertas HVS biasa dengan tanda tangan elektronik dan tetap sah"),
    ("DPUPR", "Jalan Rusak", "Perbaikan jalan ruas {desa} - {desa2} dimulai bulan depan dengan pengecoran, kendaraan berat dilarang lewat selama pengerjaan"),
    ("DISPERINDAG", "Harga/Kelangkaan Barang", "Operasi pasar beras medium digelar di {pasar} hari Kamis, maksimal 5 kg per KTP"),
    ("RSUD", "Pelayanan Rumah Sakit", "Pendaftaran poli RSUD sekarang lewat aplikasi, kuota antrean langsung di loket dikurangi"),
    ("DISKOMINFO", "Informasi Publik", "Pemkab membuka seleksi terbuka jabatan kepala dinas, pendaftaran lewat website resmi tanpa dipungut biaya"),
    ("DISHUB", "Lalu Lintas/Rambu", "Mulai Senin arus di {jalan} dibuat satu arah pada jam sekolah"),
]
REAL_FRAMES = HOAX_FRAMES_INFO[:6] + [
    "Saya lihat pengumuman di grup desa: \"{body}\". Itu benar dari dinas kan? Mau memastikan saja.",
    "apa bener {body_l}? kalau bener alhamdulillah",
    "Mohon info, {body_l}. Apakah masih berlaku?",
]

# Pengaduan written as questions, aspirasi written indirectly or as questions, information requests without "?".
COMPLAINT_Q = ["kenapa {core} belum juga ditangani??", "sampai kapan {core}?", "{core}, apa tidak ada yang peduli?",
               "mau tanya, kenapa {core} dibiarkan {dur}?", "Kapan ini diurus? {core}.", "{core}. Ini sebenarnya tanggung jawab siapa?",
               "gimana ini pak, {core}??", "Apakah wajar {core}?", "{core}, kok dibiarin terus min?", "Pak, {core}. Mau sampai kapan?"]


# ---------------------------------------------------------------- fake personal data and slot filling
def fake_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}" if rng.random() < 0.7 else rng.choice(FIRST)


def fake_phone(rng: random.Random) -> str:
    p = rng.choice(["812", "813", "821", "822", "852", "853", "857", "878", "896", "838"])
    a, b = rng.randint(1000, 9999), rng.randint(1000, 9999)
    style = rng.randrange(4)
    if style == 0:
        return f"0{p}-{a}-{b}"
    if style == 1:
        return f"0{p}{a}{b}"
    if style == 2:
        return f"+62 {p}-{a}-{b}"
    return f"+62{p}{a}{b}"


def fake_nik(rng: random.Random) -> str:
    day = rng.randint(1, 28) + (40 if rng.random() < 0.5 else 0)
    return f"3299{rng.randint(1, 31):02d}{day:02d}{rng.randint(1, 12):02d}{rng.randint(60, 99) % 100:02d}{rng.randint(1, 9999):04d}"


def fake_plate(rng: random.Random) -> str:
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.randint(1, 3)))
    return f"{rng.choice(PLATE_PREFIX)} {rng.randint(1, 9999)} {letters}"


def fake_email(rng: random.Random, name: str) -> str:
    user = re.sub(r"[^a-z]", "", name.lower().split()[0]) + rng.choice(["", ".", "_"]) + str(rng.randint(1, 99))
    return f"{user}@{rng.choice(['gmail.com', 'yahoo.co.id', 'gmail.com', 'mail.com'])}"


def fake_url(rng: random.Random) -> str:
    tag = "".join(rng.choice("abcdefghkmnpqrstuvwxyz23456789") for _ in range(6))
    return rng.choice([f"bit.ly/bansos-{tag}", f"s.id/daftar{tag}", f"bantuan-sukamaju-{tag}.xyz/daftar",
                       f"http://pendaftaran-blt-{tag}.online", f"tinyurl.com/pppk{tag}", f"wa.me/62{rng.randint(81200000000, 89999999999)}"])


def fake_rek(rng: random.Random) -> str:
    bank = rng.choice(["BRI", "BNI", "Mandiri", "BCA", "BJB", "BSI"])
    return f"rek {bank} {rng.randint(1000, 9999)}-{rng.randint(10, 99)}-{rng.randint(100000, 999999)}-{rng.randint(10, 99)} a.n. {fake_name(rng)}"


def rupiah(rng: random.Random) -> str:
    v = rng.choice([5, 10, 15, 20, 25, 50, 75, 100, 150, 200, 250, 300, 500, 750, 1000, 1500, 2500]) * 1000
    s = f"{v:,}".replace(",", ".")
    return rng.choice([s, s, f"{v // 1000}rb", f"{v // 1000} ribu"]) if v < 1_000_000 else s


SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, rng: random.Random, ctx: dict) -> str:
    """Fill {slots}; values are cached in ctx so a report names one village, one person..."""
    def value(name: str) -> str:
        if name in ctx:
            return ctx[name]
        if name in ("desa", "kec", "kec_code"):
            code, kec, desa = rng.choice(DESA)
            ctx.setdefault("kec_code", code)
            ctx.setdefault("kec", kec)
            ctx.setdefault("desa", desa)
            return ctx[name]
        gen = {
            "desa2": lambda: rng.choice([d for _, _, d in DESA if d != ctx.get("desa")]),
            "kab": lambda: KAB, "jalan": lambda: rng.choice(JALAN), "gang": lambda: rng.choice(GANG),
            "perum": lambda: rng.choice(PERUM), "landmark": lambda: rng.choice(LANDMARK), "dur": lambda: rng.choice(DURASI),
            "rt": lambda: f"{rng.randint(1, 12):02d}", "rw": lambda: f"{rng.randint(1, 9):02d}", "n": lambda: str(rng.randint(2, 9)),
            "km": lambda: rng.choice(["1", "2", "3", "1,5", "4", "5"]), "rp": lambda: rupiah(rng),
            "pasar": lambda: rng.choice(PASAR), "sungai": lambda: rng.choice(SUNGAI), "sekolah": lambda: rng.choice(SEKOLAH),
            "nama": lambda: fake_name(rng), "nama2": lambda: rng.choice(FIRST), "hp": lambda: fake_phone(rng),
            "nik": lambda: fake_nik(rng), "plat": lambda: fake_plate(rng), "url": lambda: fake_url(rng), "rek": lambda: fake_rek(rng),
            "umur": lambda: str(rng.randint(22, 71)), "kelas": lambda: str(rng.randint(1, 6)),
            "email": lambda: fake_email(rng, value("nama")),
        }[name]
        ctx[name] = gen()
        return ctx[name]

    for _ in range(3):  # landmarks and sekolah contain slots themselves
        template = SLOT.sub(lambda m: value(m.group(1)), template)
    return template


# ---------------------------------------------------------------- register and noise
NORMAL2SLANG = {
    "yang": ["yg", "yg", "yng"], "tidak": ["tdk", "gak", "ga", "nggak", "gk", "ngga", "g"], "saya": ["sy", "aku", "sya"],
    "belum": ["blm", "blom", "belom"], "karena": ["krn", "karna"], "jalan": ["jln", "jl", "jalan"], "dengan": ["dgn", "dg"],
    "untuk": ["utk", "buat"], "tolong": ["tlg", "tlong"], "mohon": ["mhn", "mohon"], "banget": ["bgt", "bngt"], "sekali": ["bgt", "banget"],
    "sudah": ["udh", "udah", "sdh", "dah", "uda"], "kalau": ["kalo", "klo", "kl"], "bagaimana": ["gimana", "gmn"],
    "kenapa": ["knp", "napa"], "tapi": ["tp", "tpi"], "sama": ["sm"], "dari": ["dr", "dri"], "bisa": ["bs", "bsa"],
    "juga": ["jg"], "saja": ["aja", "aj", "doang"], "lagi": ["lg"], "sekarang": ["skrg", "skrng"], "orang": ["org"],
    "masih": ["msh", "masi"], "sampai": ["sampe", "ampe"], "terima kasih": ["makasih", "trims", "thx", "mksh", "tq"],
    "bapak": ["bpk", "pak"], "tersebut": ["tsb"], "seperti": ["kyk", "kayak", "kek"], "banyak": ["byk", "bnyk"],
    "harus": ["hrs"], "rumah": ["rmh"], "sekolah": ["sklh"], "benar": ["bener", "bnr"], "padahal": ["pdhl"], "semua": ["smua", "smw"],
    "tahun": ["thn", "taun"], "bulan": ["bln"], "hari": ["hr"], "minggu": ["mgg"], "segera": ["sgr", "secepetnya"], "cepat": ["cepet"],
    "begitu": ["gitu"], "memang": ["emang", "emg"], "terus": ["trs", "trus"], "dengan segera": ["asap"], "nomor": ["no", "nmr"],
    "selokan": ["got"], "sedang": ["lg"], "bertanya": ["nanya"], "kemarin": ["kmrn", "kemaren"], "tanggal": ["tgl"],
    "pemberitahuan": ["info"], "diperbaiki": ["dibenerin", "diperbaikin"], "menumpuk": ["numpuk"], "tersumbat": ["mampet"],
}
_SLANG_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, NORMAL2SLANG), key=len, reverse=True)) + r")\b", re.I)

JAWA = {"tidak": ["ora", "mboten", "ndak"], "jalan": ["dalan"], "sudah": ["wis", "sampun", "wes"], "air": ["banyu"], "sekali": ["pol", "tenan"],
        "rumah": ["omah"], "belum": ["durung", "dereng"], "malam": ["bengi"], "sampah": ["uwuh"], "banyak": ["akeh", "kathah"],
        "lama": ["suwe"], "sekarang": ["saiki"], "anak": ["bocah"], "besar": ["gede"], "apa": ["opo"]}
SUNDA = {"tidak": ["teu", "henteu"], "sudah": ["tos", "parantos"], "sekali": ["pisan"], "rusak": ["ruksak"], "air": ["cai"],
         "rumah": ["imah"], "belum": ["teu acan", "tacan"], "sampah": ["runtah"], "bau": ["ambeu"], "malam": ["peuting"],
         "banyak": ["loba"], "lama": ["lila"], "sekarang": ["ayeuna"], "anak": ["budak"], "ada": ["aya"]}
JAWA_PRE = ["nuwun sewu, ", "sugeng enjing, ", "kulo nyuwun tulung, ", "matur sewu, "]
JAWA_POST = [" nggih", " matur nuwun", " monggo dipun cek", " suwun nggih", " nyuwun tulung"]
SUNDA_PRE = ["punten, ", "wilujeng enjing, ", "sampurasun, ", "punten pak, "]
SUNDA_POST = [" hatur nuhun", " mangga dicek", " nuhun pisan", " punten pisan"]
EMOTIVE = ["parah", "tolong", "banget", "bau", "lama", "gelap", "mati", "rusak", "kesel", "capek", "kecewa", "bgt", "please", "cepat"]
ANGRY_TAIL = [" PEMERINTAH KEMANA AJA???", " jangan cuma janji!!", " percuma bayar pajak", " mana tanggung jawabnya!!!",
              " malu sama kabupaten sebelah", " kapan diurus????", " capek lapor terus", " jgn diem aja pak!!"]


def _sub_words(text: str, table: dict, rng: random.Random, p: float) -> str:
    pat = re.compile(r"\b(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True)) + r")\b", re.I)

    def rep(m: re.Match) -> str:
        if rng.random() > p:
            return m.group(0)
        return rng.choice(table[m.group(0).lower()])
    return pat.sub(rep, text)


def slangify(text: str, rng: random.Random, p: float) -> str:
    def rep(m: re.Match) -> str:
        if rng.random() > p:
            return m.group(0)
        return rng.choice(NORMAL2SLANG[m.group(0).lower()])
    return _SLANG_RE.sub(rep, text)


def typos(text: str, rng: random.Random, rate: float) -> str:
    out = []
    for w in text.split(" "):
        if len(w) > 4 and w.isalpha() and rng.random() < rate:
            i = rng.randrange(1, len(w) - 1)
            kind = rng.randrange(3)
            w = w[:i] + w[i + 1] + w[i] + w[i + 2:] if kind == 0 else (w[:i] + w[i + 1:] if kind == 1 else w[:i] + w[i] + w[i:])
        out.append(w)
    return " ".join(out)


def repeat_letters(text: str, rng: random.Random) -> str:
    def rep(m: re.Match) -> str:
        w = m.group(0)
        return w + w[-1] * rng.randint(2, 4) if rng.random() < 0.6 else w
    return re.sub(r"\b(" + "|".join(EMOTIVE) + r")\b", rep, text, count=2)


def regional(text: str, rng: random.Random, kind: str) -> str:
    table, pre, post = (JAWA, JAWA_PRE, JAWA_POST) if kind == "jawa" else (SUNDA, SUNDA_PRE, SUNDA_POST)
    text = _sub_words(text, table, rng, 0.7)
    if rng.random() < 0.5:
        text = rng.choice(pre) + text[:1].lower() + text[1:]
    if rng.random() < 0.6:
        text = text.rstrip(" .") + rng.choice(post)
    return text


def run_on(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[.,;:!]+(?=\s|$)", " ", text)).strip().lower()


def sentence(s: str) -> str:
    s = s.strip()
    if not s:
        return s
    s = s[0].upper() + s[1:]
    return s if s[-1] in ".!?\"" else s + "."


# ---------------------------------------------------------------- report builders
ASP_FRAMES = ["Usul {asp}.", "Mohon dipertimbangkan {asp}, supaya {why}.", "Kami warga {desa} mengusulkan {asp}.",
              "saran aja min, {asp} biar {why}", "Aspirasi warga: {asp}. Terima kasih.", "Yth. Bapak Bupati, izin menyampaikan usulan {asp} karena {why}.",
              "alangkah baiknya kalau ada {asp}", "mohon kiranya ada {asp}, {why}", "Usulan untuk tahun depan: {asp}.",
              "kami berharap pemkab bisa merealisasikan {asp}. {why}.",
              "gimana kalau ada {asp}? {why}", "bisa gak ya diadakan {asp}", "apa tidak sebaiknya ada {asp}?", "kami cuma berharap ada {asp}",
              "pengennya sih ada {asp}", "ke depan mungkin perlu {asp} biar {why}", "warga sini kepengen {asp}", "sekadar masukan, {asp} biar {why}",
              "menurut saya {asp} sangat dibutuhkan di sini", "bila memungkinkan, {asp}", "kapan ya ada {asp}? biar {why}",
              "Sudah lama kami menunggu {asp}, semoga tahun ini bisa", "Daripada begini terus, lebih baik {asp}.", "mbok yao {asp}, ben {why}",
              "punten, upami tiasa {asp}", "harapan saya cuma satu: {asp}", "{asp} itu penting lho pak, biar {why}"]
WHY = ["warga lebih nyaman", "tidak ada lagi keluhan serupa", "anak-anak kami terbantu", "ekonomi warga bisa jalan",
       "pelayanan lebih merata", "desa kami tidak tertinggal", "kejadian kemarin tidak terulang", "lebih aman untuk semua"]
INFO_FRAMES = ["Mau tanya, {q}?", "Mohon informasi {q}.", "min {q}?", "Izin bertanya, {q}? Terima kasih.", "{Q}?",
               "punten bade naros, {q}?", "Selamat siang, saya ingin menanyakan {q}. Mohon penjelasannya.", "nyuwun pirsa, {q}?",
               "tanya dong {q}", "Kepada admin, {q}? Soalnya info di grup simpang siur.", "mhn info {q}", "boleh tau {q}?",
               "info dong {q}", "butuh info {q}", "minta tolong dijelaskan {q}", "{Q}, soalnya saya mau urus minggu ini", "pengen tau {q}",
               "Saya kurang paham {q}, mohon dibantu penjelasannya", "kalau boleh tahu {q}", "sekalian nanya {q}", "{q} ya min",
               "kebetulan mau ngurus, {q}", "{Q}. Terima kasih sebelumnya", "gimana ya {q}", "ada yang tahu {q}? tanya di desa gak ada yang ngerti"]
HOTLINE = ["Pelapor ({nama}, {hp}) menyampaikan bahwa {core}. {det}. Pelapor meminta agar segera ditindaklanjuti.",
           "Telepon masuk pukul {jam} dari warga {desa} a.n. {nama}: {core}. Keterangan tambahan: {det}.",
           "Laporan via call center 112: {core}, lokasi {desa} Kec. {kec}. {det}. No. pelapor {hp}.",
           "Penelepon mengeluhkan {core}. Menurut pelapor {det}. Mohon dinas terkait menghubungi pelapor di {hp}."]


def choose_register(rng: random.Random, channel: str) -> str:
    if channel == "hotline":
        return "hotline"
    if channel == "sms":
        return rng.choices(["short", "casual", "angry"], [4, 6, 1])[0]
    weights = {"short": 2, "casual": 5, "normal": 5, "formal": 1.5, "angry": 1, "long": 1.3}
    if channel == "social":
        weights.update(casual=6, angry=2.5, formal=0.3)
    return rng.choices(list(weights), list(weights.values()))[0]


def build_pengaduan(spec: dict, rng: random.Random, ctx: dict, register: str) -> str:
    tmpl = rng.choice(spec["probs"])
    core = fill(tmpl, rng, ctx)
    dets = [fill(d, rng, ctx) for d in rng.sample(spec["det"], k=min(len(spec["det"]), rng.randint(1, 3)))]
    where = ""
    placed = re.search(r"\{(desa|jalan|perum|landmark|pasar|sungai|sekolah|kec)\}", tmpl)
    if not placed and rng.random() < 0.75:
        where = fill(rng.choice([" di {desa}", " di {desa} kec {kec}", ", RT {rt}/RW {rw} {desa}", " {landmark}", " daerah {desa}"]), rng, ctx)
    elif placed and rng.random() < 0.15:
        where = fill(rng.choice([", RT {rt}/RW {rw}", " kec {kec}", " (dekat rumah saya)"]), rng, ctx)
    if register in ("casual", "normal", "angry") and rng.random() < 0.15:
        text = fill(rng.choice(COMPLAINT_Q).replace("{core}", core), rng, ctx)
        return text + (" " + dets[0] if rng.random() < 0.4 else "")
    if register == "short":
        words = (core + where).replace(",", "").split()
        return " ".join(words[: rng.randint(3, 8)])
    if register == "casual":
        text = rng.choice(OPEN_INFORMAL) + core + where
        if rng.random() < 0.7:
            text += rng.choice([", ", " ", ". ", " udah gitu "]) + dets[0]
        text += rng.choice(CLOSE_INFORMAL)
        if rng.random() < 0.2:
            text += " " + fill(rng.choice(CONTACT), rng, ctx)
        return text
    if register == "angry":
        text = (core + where + " " + " ".join(dets[:2])).upper() if rng.random() < 0.5 else core + where + "!!! " + dets[0]
        return text + rng.choice(ANGRY_TAIL)
    if register == "hotline":
        return fill(rng.choice(HOTLINE), rng, {**ctx, "core": core + where, "det": dets[0],
                                                 "jam": f"{rng.randint(6, 22):02d}.{rng.choice(['05', '12', '30', '47', '58'])}"})
    parts = []
    if register == "formal" or (register == "long" and rng.random() < 0.6):
        parts.append(fill(rng.choice(OPEN_FORMAL), rng, ctx))
    elif rng.random() < 0.4:
        parts.append(sentence(rng.choice(OPEN_INFORMAL[4:]).strip(" ,")))
    parts.append(sentence(core + where))
    parts += [sentence(d) for d in dets[: 2 if register != "long" else 3]]
    if register in ("formal", "long"):
        if register == "long":
            parts += [fill(s, rng, ctx) for s in rng.sample(STORY, rng.randint(3, 5))]
            parts += [sentence(fill(d, rng, ctx)) for d in spec["det"] if d not in dets][:2]
        parts += [fill(h, rng, ctx) for h in rng.sample(HISTORY, 2 if register == "long" else 1)]
        parts.append(rng.choice(IMPACT))
        parts.append(rng.choice(REQUEST))
        if rng.random() < 0.6:
            parts.append(fill(rng.choice(CONTACT), rng, ctx))
        parts.append(fill(rng.choice(CLOSE_FORMAL), rng, ctx))
        return ("\n" if register == "formal" and rng.random() < 0.5 else " ").join(parts)
    if rng.random() < 0.4:
        parts.append(rng.choice(IMPACT))
    if rng.random() < 0.5:
        parts.append(rng.choice(REQUEST))
    if rng.random() < 0.15:
        parts.append(fill(rng.choice(CONTACT), rng, ctx))
    return " ".join(parts)


def build_aspirasi(spec: dict, rng: random.Random, ctx: dict) -> str:
    frame = rng.choice(ASP_FRAMES)
    text = fill(frame.replace("{asp}", rng.choice(spec["asp"])).replace("{why}", rng.choice(WHY)), rng, ctx)
    if rng.random() < 0.3:  # the problem first, then the wish: content overlaps with pengaduan
        text = sentence(fill(rng.choice(spec["probs"]), rng, ctx)) + " " + text
    return text


def build_info(spec: dict, rng: random.Random, ctx: dict) -> str:
    q = fill(rng.choice(spec["info"]), rng, ctx)
    text = fill(rng.choice(INFO_FRAMES).replace("{Q}", q[0].upper() + q[1:]).replace("{q}", q), rng, ctx)
    if rng.random() < 0.2:  # context before the question
        text = fill(rng.choice(spec["probs"]), rng, ctx) + rng.choice([", ", ". ", " jadi "]) + text
    return text


def add_noise(text: str, rng: random.Random, channel: str, register: str) -> str:
    if register in ("formal", "hotline"):
        return typos(text, rng, 0.01) if rng.random() < 0.3 else text
    heavy = channel in ("sms", "social") or register in ("short", "angry")
    if rng.random() < (0.75 if heavy else 0.35):
        text = slangify(text, rng, rng.uniform(0.4, 0.9))
    r = rng.random()
    if r < 0.12:
        text = regional(text, rng, "jawa")
    elif r < 0.24:
        text = regional(text, rng, "sunda")
    if rng.random() < (0.4 if heavy else 0.15):
        text = typos(text, rng, rng.uniform(0.03, 0.1))
    if rng.random() < 0.2:
        text = repeat_letters(text, rng)
    if rng.random() < 0.05 and register != "long":
        text += " " + rng.choice(ENGLISH)
    if channel == "sms" or (heavy and rng.random() < 0.3):
        text = run_on(text)
    if register == "angry" and rng.random() < 0.3 or rng.random() < 0.03:
        text = text.upper()
    if channel == "sms":
        if rng.random() < 0.2:
            text = "lapor " + text
        if len(text) > 300:
            text = text[:300].rsplit(" ", 1)[0]
    return text.strip()

# ---------------------------------------------------------------- assembly
TARGET = {
    "DPUPR": 95, "DLH": 85, "DISHUB": 85, "DISDUKCAPIL": 80, "DINSOS": 80, "PDAM": 75, "DISKOMINFO": 150,
    "DINKES": 42, "RSUD": 35, "DISDIK": 48, "SATPOLPP": 45, "BPBD": 45, "DAMKAR": 32, "DPMPTSP": 32, "DISNAKER": 38,
    "DISPERKIM": 35, "BAPENDA": 35, "DISPERINDAG": 40, "INSPEKTORAT": 30, "SETDA": 30,
    **{k: 28 for k in KECAMATAN},
}
N_HOAX_TEMPLATE = 36  # framed rumour bodies; the rest of the hoax rows are hand-written (HAND_HOAX)
N_REAL_FRAMED = 36  # genuine announcements asked about in the same frames
CHANNELS = (["web", "app", "sms", "social", "hotline"], [30, 30, 15, 15, 10])
SEASON = {  # category -> months with extra weight
    "Bencana": {1, 2, 3, 11, 12}, "Banjir/Drainase": {1, 2, 3, 11, 12}, "Sekolah/PPDB": {6, 7}, "Kebakaran": {7, 8, 9},
    "PHK/Ketenagakerjaan": {3, 4}, "Pajak Daerah/PBB": {6, 7, 8}, "Kesehatan Lingkungan/Penyakit": {1, 2, 3, 4},
    "Air PDAM Mati": {8, 9, 10}, "Harga/Kelangkaan Barang": {3, 4, 12},
}
START, END = dt.date(2024, 1, 1), dt.date(2025, 12, 31)


def pick_date(rng: random.Random, category: str) -> dt.date:
    months = SEASON.get(category)
    while True:
        d = START + dt.timedelta(days=rng.randrange((END - START).days + 1))
        # gentle growth of usage over time, plus seasonality
        w = 0.7 + 0.3 * (d - START).days / (END - START).days
        if months and d.month in months:
            w *= 2.5
        if rng.random() < w / 2.5:
            return d


def make_title(rng: random.Random, channel: str, spec: dict | None, ctx: dict, text: str) -> str:
    if channel == "sms" or (channel == "hotline" and rng.random() < 0.5):
        return ""
    if rng.random() < {"web": 0.15, "app": 0.25, "social": 0.6, "hotline": 0.1}[channel]:
        return ""
    if spec is None or rng.random() < 0.2:
        words = re.sub(r"[^\w\s-]", " ", text).split()
        return " ".join(words[: rng.randint(3, 6)]).capitalize()
    t = fill(rng.choice(spec["tit"]), rng, ctx)
    return t.upper() if rng.random() < 0.08 else (t.lower() if rng.random() < 0.15 else t)


def norm_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def parse_hand() -> list[dict]:
    rows = []
    for line in (HAND.strip() + "\n" + HAND_MORE.strip() + "\n" + HAND_HOAX.strip()).splitlines():
        amb = line.startswith("~")
        ag, cat, cls, text = line.lstrip("~").split("|", 3)
        rows.append(dict(agency=ag, category=cat, classification={"p": "pengaduan", "a": "aspirasi", "i": "permintaan_informasi"}[cls],
                         text=text, ambiguous=amb))
    return rows


def ctx_for(agency: str, rng: random.Random) -> dict:
    if agency in KECAMATAN:
        kec, desas = KECAMATAN[agency]
        return {"kec": kec, "desa": rng.choice(desas), "kec_code": agency}
    return {}


def build(seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    rows: list[dict] = []
    seen: set[str] = set()

    def add(agency, category, classification, hoax, text, channel=None, title=None, spec=None, ctx=None, date=None, dup_ok=False):
        key = norm_key(text)
        if key in seen and not dup_ok:
            return False
        seen.add(key)
        channel = channel or rng.choices(*CHANNELS)[0]
        rows.append(dict(date=(date or pick_date(rng, category)).isoformat(), channel=channel,
                         title=title if title is not None else make_title(rng, channel, spec, ctx or {}, text),
                         text=text, agency=agency, category=category, classification=classification, hoax=hoax))
        return True

    # 1. hand-written reports (light noise only on some, they already carry their own register)
    for h in parse_hand():
        ctx = ctx_for(h["agency"], rng)
        text = fill(h["text"], rng, ctx)
        spec = SPEC[h["agency"]].get(h["category"])
        channel = rng.choices(*CHANNELS)[0] if len(text) < 160 else rng.choice(["web", "app"])
        if channel == "hotline":
            channel = "web"
        add(h["agency"], h["category"], h["classification"], int(h["category"] == "Hoaks/Disinformasi"), text,
            channel=channel, spec=spec, ctx=ctx)

    # 2. alarming but genuine reports
    for _ in range(2):
        for ag, cat, cls, tmpl in ALARMING_REAL:
            ctx = ctx_for(ag, rng)
            text = fill(tmpl, rng, ctx)
            if rng.random() < 0.4:
                text = add_noise(text, rng, "social", "casual")
            add(ag, cat, cls, 0, text, spec=SPEC[ag].get(cat), ctx=ctx)

    # 3. framed hoaxes: each rumour body at most twice, so no body dominates the hoax class
    order = rng.sample(range(len(HOAX_BODIES)), len(HOAX_BODIES)) + rng.sample(range(len(HOAX_BODIES)), len(HOAX_BODIES))
    n_hoax = 0
    while n_hoax < N_HOAX_TEMPLATE and order:
        idx = order.pop(0)
        ctx: dict = {}
        body = fill(HOAX_BODIES[idx], rng, ctx)
        info = rng.random() < 0.48
        frame = rng.choice(HOAX_FRAMES_INFO if info else HOAX_FRAMES_COMPLAINT)
        body_l = body[0].lower() + body[1:].rstrip("!. ")
        text = fill(frame.replace("{body}", body).replace("{body_l}", body_l), rng, ctx)
        channel = rng.choices(["web", "app", "sms", "social", "hotline"], [20, 25, 15, 35, 5])[0]
        if channel in ("sms", "social") and rng.random() < 0.5:
            text = add_noise(text, rng, channel, "casual")
        agency = HOAX_AGENCY_OVERRIDE.get(idx, "DISKOMINFO") if rng.random() < 0.3 else "DISKOMINFO"
        title = "" if channel == "sms" or rng.random() < 0.4 else rng.choice(
            ["Klarifikasi berita", "Hoaks?", "Apa benar?", "Pesan berantai", "Info bansos", "Penipuan", "Mohon klarifikasi", "Berita bohong", "cek fakta"])
        if add(agency, "Hoaks/Disinformasi", "permintaan_informasi" if info else "pengaduan", 1, text, channel=channel, title=title):
            n_hoax += 1

    # 3b. genuine announcements asked about in the same "apa benar" frames (hoax = 0)
    n_real = 0
    while n_real < N_REAL_FRAMED:
        agency, category, tmpl = rng.choice(REAL_BODIES)
        ctx = {}
        body = fill(tmpl, rng, ctx)
        body_l = body[0].lower() + body[1:].rstrip("!. ")
        text = fill(rng.choice(REAL_FRAMES).replace("{body}", body).replace("{body_l}", body_l), rng, ctx)
        channel = rng.choices(["web", "app", "sms", "social"], [20, 25, 15, 35])[0]
        if channel in ("sms", "social") and rng.random() < 0.5:
            text = add_noise(text, rng, channel, "casual")
        title = "" if channel == "sms" or rng.random() < 0.4 else rng.choice(
            ["Klarifikasi pengumuman", "Apa benar?", "Mohon konfirmasi", "Info", "Pengumuman", "Mohon klarifikasi", "tanya"])
        if add(agency, category, "permintaan_informasi", 0, text, channel=channel, title=title):
            n_real += 1

    # 4. template reports up to the target per agency
    have = Counter(r["agency"] for r in rows)
    for agency, target in TARGET.items():
        cats = list(SPEC[agency])
        weights = [max(1.0, 3.0 - i * 0.6) for i in range(len(cats))]
        tries = 0
        while have[agency] < target and tries < 5000:
            tries += 1
            category = rng.choices(cats, weights)[0]
            spec = SPEC[agency][category]
            cls = rng.choices(["pengaduan", "aspirasi", "permintaan_informasi"], [70, 19, 11])[0]
            channel = rng.choices(*CHANNELS)[0]
            ctx = ctx_for(agency, rng)
            if cls == "pengaduan":
                register = choose_register(rng, channel)
                text = build_pengaduan(spec, rng, ctx, register)
            else:
                register = "casual" if rng.random() < 0.6 else "normal"
                if channel == "hotline":
                    channel = "web"
                text = build_aspirasi(spec, rng, ctx) if cls == "aspirasi" else build_info(spec, rng, ctx)
            text = add_noise(text, rng, channel, register)
            if len(text.split()) < 2:
                continue
            if add(agency, category, cls, 0, text, channel=channel, spec=spec, ctx=ctx):
                have[agency] += 1

    # 5. deliberate near-duplicates: the same problem reported again by a neighbour a few days later
    originals = rng.sample([r for r in rows if r["hoax"] == 0 and r["classification"] == "pengaduan" and len(r["text"]) > 60], 10)
    for r in originals:
        d = dt.date.fromisoformat(r["date"]) + dt.timedelta(days=rng.randint(1, 6))
        prefix = rng.choice(["sama dengan laporan tetangga saya, ", "saya juga mau lapor, ", "ikut melaporkan: ", "Lapor lagi: ", ""])
        text = prefix + r["text"] if prefix else r["text"].rstrip(".!") + " " + rng.choice(["mohon segera", "tolong", "sudah lapor belum ada tanggapan"])
        add(r["agency"], r["category"], r["classification"], 0, text, date=min(d, END), channel=rng.choice(["web", "app", "social"]),
            title=r["title"])

    rng.shuffle(rows)
    rows.sort(key=lambda r: r["date"])
    for i, r in enumerate(rows, start=1):
        r["id"] = f"SMP-{i:06d}"
    return rows


COLUMNS = ["id", "date", "channel", "title", "text", "agency", "category", "classification", "hoax"]


def write_csv(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r[c] for c in COLUMNS})


def summary(rows: list[dict]) -> str:
    out = [f"rows: {len(rows)}"]
    for col in ("agency", "category", "classification", "channel", "hoax"):
        c = Counter(str(r[col]) for r in rows)
        out.append(f"\n{col} ({len(c)} distinct):")
        out += [f"  {k:32s} {v:5d}" for k, v in c.most_common()]
    lens = sorted(len(r["text"].split()) for r in rows)
    q = lambda p: lens[min(len(lens) - 1, int(p * len(lens)))]  # noqa: E731
    out.append(f"\nwords per text: min {lens[0]} p10 {q(.1)} median {q(.5)} p90 {q(.9)} max {lens[-1]}; "
               f"<=6 words: {sum(n <= 6 for n in lens)}; >=150 words: {sum(n >= 150 for n in lens)}")
    texts = Counter(r["text"] for r in rows)
    out.append(f"identical texts: {sum(v - 1 for v in texts.values() if v > 1)}; "
               f"ambiguous hand-written: {sum(h['ambiguous'] for h in parse_hand())}; hand-written: {len(parse_hand())}")
    out.append(f"dates: {rows[0]['date']} .. {rows[-1]['date']}; empty titles: {sum(not r['title'] for r in rows)}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    rows = build(args.seed)
    write_csv(rows, args.out)
    if not args.quiet:
        print(summary(rows))
        print(f"written {args.out}")


if __name__ == "__main__":
    main()
