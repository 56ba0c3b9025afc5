"""Standard clarification texts for confirmed hoaxes (Indonesian), one per topic.

Placeholders: ``{klaim}`` (what the hoax claims, written by the verifier), ``{fakta}`` (the facts,
optional), ``{tracking_id}``, ``{tanggal}`` (date of the clarification), ``{instansi}`` (who clarifies:
the office's report issuer) and ``{pemerintah}`` (the office's name), both from api.office's identity.
Edit here; the code of a template is stored with each clarification, so counts stay comparable.
"""

from __future__ import annotations

DEFAULT_INSTANSI = "Dinas Komunikasi dan Informatika (Diskominfo)"
DEFAULT_PEMERINTAH = "pemerintah daerah"

_CLOSING = ("Masyarakat diimbau tidak menyebarkan informasi tersebut dan selalu memeriksa kebenaran kabar "
            "melalui kanal resmi {pemerintah}. Nomor laporan: {tracking_id}.")

TEMPLATES: dict[str, dict[str, str]] = {
    "umum": {
        "topic": "lainnya",
        "title": "Klarifikasi umum",
        "text": "Berdasarkan penelusuran {instansi} pada {tanggal}, informasi mengenai {klaim} yang beredar "
                "adalah HOAKS. {fakta} " + _CLOSING,
    },
    "bantuan": {
        "topic": "bantuan_sosial",
        "title": "Bantuan/hadiah palsu",
        "text": "Berdasarkan penelusuran {instansi} pada {tanggal}, informasi mengenai {klaim} adalah HOAKS. "
                "Pemerintah tidak pernah meminta biaya, transfer, atau data pribadi melalui pesan berantai "
                "untuk pencairan bantuan. {fakta} Informasi bantuan sosial yang sah hanya disampaikan melalui "
                "dinas terkait dan kantor desa/kelurahan. " + _CLOSING,
    },
    "penipuan": {
        "topic": "penipuan",
        "title": "Penipuan/permintaan transfer",
        "text": "Berdasarkan penelusuran {instansi} pada {tanggal}, pesan yang mengatasnamakan pemerintah "
                "tentang {klaim} adalah HOAKS dan patut diduga PENIPUAN. Jangan mentransfer uang, mengirim "
                "kode OTP, atau mengisi tautan yang tidak resmi. {fakta} " + _CLOSING,
    },
    "bencana": {
        "topic": "bencana",
        "title": "Prediksi/kabar bencana",
        "text": "Berdasarkan penelusuran {instansi} bersama BPBD pada {tanggal}, kabar tentang {klaim} adalah "
                "HOAKS. {fakta} Informasi resmi kebencanaan hanya bersumber dari BPBD dan BMKG. " + _CLOSING,
    },
    "kesehatan": {
        "topic": "kesehatan",
        "title": "Kesehatan",
        "text": "Berdasarkan penelusuran {instansi} bersama Dinas Kesehatan pada {tanggal}, informasi mengenai "
                "{klaim} adalah HOAKS. {fakta} Untuk informasi kesehatan, hubungi puskesmas terdekat atau "
                "Dinas Kesehatan. " + _CLOSING,
    },
    "rekrutmen": {
        "topic": "rekrutmen",
        "title": "Lowongan/rekrutmen palsu",
        "text": "Berdasarkan penelusuran {instansi} pada {tanggal}, informasi lowongan/rekrutmen mengenai "
                "{klaim} adalah HOAKS. Seleksi pegawai pemerintah tidak dipungut biaya dan diumumkan melalui "
                "situs resmi. {fakta} " + _CLOSING,
    },
    "layanan": {
        "topic": "layanan_publik",
        "title": "Layanan publik",
        "text": "Berdasarkan penelusuran {instansi} pada {tanggal}, informasi mengenai {klaim} adalah HOAKS. "
                "{fakta} Layanan tetap berjalan sesuai ketentuan; informasi resmi tersedia di kantor layanan "
                "dan kanal resmi {pemerintah}. " + _CLOSING,
    },
}

TOPICS = sorted({t["topic"] for t in TEMPLATES.values()})


def render(code: str, *, klaim: str, tracking_id: str, tanggal: str, fakta: str | None = None,
           instansi: str | None = None, pemerintah: str | None = None) -> str:
    t = TEMPLATES[code]["text"]
    text = t.format(klaim=klaim.strip().rstrip("."), fakta=(fakta or "").strip(), tracking_id=tracking_id,
                    tanggal=tanggal, instansi=instansi or DEFAULT_INSTANSI,
                    pemerintah=pemerintah or DEFAULT_PEMERINTAH)
    return " ".join(text.split())
