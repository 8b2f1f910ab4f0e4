/**
 * What forms, tickets and e-mail headers call their fields, in the languages the anonymiser meets:
 * name, address, phone, message, order, invoice, parcel, customer service, code, number… A field's
 * label is nobody's name ("Poruka:", "Kundenservice", "Codice fiscale"). Used twice: as words the
 * gazetteer marks (a feature, build-gazetteer.ts) and as labels in generated training texts.
 */
export const FIELD_LABELS: Record<string, string[]> = {
  en: ['Name', 'Full name', 'First name', 'Surname', 'Last name', 'Address', 'Street', 'City', 'Town', 'Postcode', 'Zip code', 'Country', 'Phone', 'Mobile', 'Telephone', 'Email', 'Message', 'Subject', 'From', 'To', 'Date', 'Order', 'Order number', 'Invoice', 'Parcel', 'Package', 'Delivery', 'Payment', 'Amount', 'Account', 'Customer', 'Customer service', 'Number', 'Code', 'Reference', 'Description', 'Comment', 'Comments', 'Status', 'Company', 'Department', 'Tax code', 'Date of birth', 'Note', 'Request', 'Complaint', 'Product', 'Price', 'Tracking', 'Sender', 'Recipient', 'Attachment', 'Signature', 'Floor', 'Flat', 'Region', 'State'],
  de: ['Name', 'Vorname', 'Nachname', 'Adresse', 'Anschrift', 'Straße', 'Stadt', 'Ort', 'Postleitzahl', 'PLZ', 'Land', 'Telefon', 'Handy', 'Mobil', 'E-Mail', 'Nachricht', 'Betreff', 'Von', 'An', 'Datum', 'Bestellung', 'Bestellnummer', 'Rechnung', 'Rechnungsnummer', 'Paket', 'Lieferung', 'Zahlung', 'Betrag', 'Konto', 'Kunde', 'Kundin', 'Kundennummer', 'Kundenservice', 'Kundendienst', 'Nummer', 'Beschreibung', 'Kommentar', 'Anmerkung', 'Firma', 'Abteilung', 'Steuernummer', 'Geburtsdatum', 'Anfrage', 'Beschwerde', 'Produkt', 'Preis', 'Sendungsnummer', 'Absender', 'Empfänger', 'Anhang', 'Unsere Adresse', 'Ihre Nachricht', 'Teamleitung', 'Einkauf', 'Vertrieb', 'Buchhaltung', 'Stockwerk'],
  fr: ['Nom', 'Prénom', 'Nom de famille', 'Adresse', 'Rue', 'Ville', 'Code postal', 'Pays', 'Téléphone', 'Portable', 'Courriel', 'Message', 'Objet', 'De', 'À', 'Date', 'Commande', 'Numéro de commande', 'Facture', 'Colis', 'Livraison', 'Paiement', 'Montant', 'Compte', 'Client', 'Cliente', 'Service client', 'Numéro', 'Référence', 'Commentaire', 'Statut', 'Société', 'Entreprise', 'Date de naissance', 'Demande', 'Réclamation', 'Produit', 'Prix', 'Suivi', 'Expéditeur', 'Destinataire', 'Pièce jointe', 'Étage', 'Appartement'],
  es: ['Nombre', 'Apellidos', 'Apellido', 'Dirección', 'Calle', 'Ciudad', 'Código postal', 'CP', 'País', 'Teléfono', 'Móvil', 'Correo', 'Correo electrónico', 'Mensaje', 'Asunto', 'De', 'Para', 'Fecha', 'Pedido', 'Número de pedido', 'Factura', 'Paquete', 'Envío', 'Entrega', 'Pago', 'Importe', 'Cuenta', 'Cliente', 'Atención al cliente', 'Número', 'Código', 'Referencia', 'Descripción', 'Comentario', 'Estado', 'Empresa', 'Departamento', 'Fecha de nacimiento', 'Solicitud', 'Reclamación', 'Producto', 'Precio', 'Seguimiento', 'Remitente', 'Destinatario', 'Adjunto', 'Piso', 'Director Comercial', 'Provincia'],
  it: ['Nome', 'Cognome', 'Indirizzo', 'Via', 'Città', 'Comune', 'CAP', 'Paese', 'Telefono', 'Cellulare', 'Messaggio', 'Oggetto', 'Da', 'A', 'Data', 'Ordine', 'Numero ordine', 'Fattura', 'Pacco', 'Spedizione', 'Consegna', 'Pagamento', 'Importo', 'Conto', 'Cliente', 'Servizio clienti', 'Assistenza clienti', 'Numero', 'Codice', 'Codice fiscale', 'Riferimento', 'Descrizione', 'Commento', 'Stato', 'Azienda', 'Società', 'Reparto', 'Data di nascita', 'Richiesta', 'Reclamo', 'Prodotto', 'Prezzo', 'Mittente', 'Destinatario', 'Allegato', 'Piano', 'Provincia'],
  pt: ['Nome', 'Sobrenome', 'Apelido', 'Endereço', 'Morada', 'Rua', 'Cidade', 'CEP', 'Código postal', 'País', 'Telefone', 'Celular', 'Telemóvel', 'Mensagem', 'Assunto', 'De', 'Para', 'Data', 'Pedido', 'Encomenda', 'Número do pedido', 'Fatura', 'Pacote', 'Entrega', 'Pagamento', 'Valor', 'Conta', 'Cliente', 'Atendimento', 'Atendimento ao cliente', 'Número', 'Código', 'Referência', 'Descrição', 'Comentário', 'Estado', 'Empresa', 'Departamento', 'Data de nascimento', 'Solicitação', 'Reclamação', 'Produto', 'Preço', 'Rastreamento', 'Remetente', 'Destinatário', 'Anexo', 'Andar', 'Bairro', 'Estado'],
  nl: ['Naam', 'Voornaam', 'Achternaam', 'Adres', 'Straat', 'Stad', 'Plaats', 'Woonplaats', 'Postcode', 'Land', 'Telefoon', 'Mobiel', 'Bericht', 'Onderwerp', 'Van', 'Aan', 'Datum', 'Bestelling', 'Bestelnummer', 'Factuur', 'Pakket', 'Levering', 'Bezorging', 'Betaling', 'Bedrag', 'Rekening', 'Klant', 'Klantenservice', 'Nummer', 'Referentie', 'Omschrijving', 'Opmerking', 'Bedrijf', 'Afdeling', 'Geboortedatum', 'Verzoek', 'Klacht', 'Prijs', 'Afzender', 'Ontvanger', 'Bijlage', 'Verdieping'],
  pl: ['Imię', 'Nazwisko', 'Imię i nazwisko', 'Adres', 'Ulica', 'Miasto', 'Miejscowość', 'Kod pocztowy', 'Kraj', 'Telefon', 'Komórka', 'Wiadomość', 'Temat', 'Od', 'Do', 'Data', 'Zamówienie', 'Numer zamówienia', 'Faktura', 'Paczka', 'Przesyłka', 'Dostawa', 'Płatność', 'Kwota', 'Konto', 'Klient', 'Obsługa klienta', 'Numer', 'Kod', 'Opis', 'Komentarz', 'Uwagi', 'Firma', 'Dział', 'Data urodzenia', 'Zgłoszenie', 'Reklamacja', 'Produkt', 'Cena', 'Nadawca', 'Odbiorca', 'Załącznik', 'Piętro', 'Województwo'],
  cs: ['Jméno', 'Příjmení', 'Adresa', 'Ulice', 'Město', 'Obec', 'PSČ', 'Země', 'Telefon', 'Mobil', 'Zpráva', 'Předmět', 'Od', 'Komu', 'Datum', 'Objednávka', 'Číslo objednávky', 'Faktura', 'Balík', 'Zásilka', 'Doručení', 'Platba', 'Částka', 'Účet', 'Zákazník', 'Zákaznický servis', 'Číslo', 'Kód', 'Popis', 'Poznámka', 'Stav', 'Firma', 'Oddělení', 'Datum narození', 'Žádost', 'Reklamace', 'Produkt', 'Cena', 'Odesílatel', 'Příjemce', 'Příloha', 'Patro'],
  sk: ['Meno', 'Priezvisko', 'Adresa', 'Ulica', 'Mesto', 'Obec', 'PSČ', 'Krajina', 'Telefón', 'Správa', 'Predmet', 'Od', 'Komu', 'Dátum', 'Objednávka', 'Číslo objednávky', 'Faktúra', 'Balík', 'Zásielka', 'Doručenie', 'Platba', 'Suma', 'Účet', 'Zákazník', 'Zákaznícky servis', 'Číslo', 'Kód', 'Popis', 'Poznámka', 'Stav', 'Firma', 'Oddelenie', 'Dátum narodenia', 'Žiadosť', 'Reklamácia', 'Produkt', 'Cena', 'Odosielateľ', 'Príjemca', 'Príloha', 'Poschodie'],
  hr: ['Ime', 'Prezime', 'Ime i prezime', 'Adresa', 'Ulica', 'Grad', 'Mjesto', 'Poštanski broj', 'Država', 'Telefon', 'Mobitel', 'Poruka', 'Predmet', 'Od', 'Za', 'Datum', 'Narudžba', 'Broj narudžbe', 'Račun', 'Paket', 'Pošiljka', 'Dostava', 'Plaćanje', 'Iznos', 'Kupac', 'Korisnička služba', 'Broj', 'Šifra', 'Opis', 'Komentar', 'Napomena', 'Status', 'Tvrtka', 'Odjel', 'Datum rođenja', 'Zahtjev', 'Reklamacija', 'Proizvod', 'Cijena', 'Pošiljatelj', 'Primatelj', 'Privitak', 'Kat', 'Porudžbina', 'Poštovani'],
  sl: ['Ime', 'Priimek', 'Naslov', 'Ulica', 'Mesto', 'Kraj', 'Poštna številka', 'Država', 'Telefon', 'Sporočilo', 'Zadeva', 'Od', 'Za', 'Datum', 'Naročilo', 'Številka naročila', 'Račun', 'Paket', 'Pošiljka', 'Dostava', 'Plačilo', 'Znesek', 'Stranka', 'Služba za stranke', 'Številka', 'Koda', 'Opis', 'Komentar', 'Opomba', 'Podjetje', 'Oddelek', 'Datum rojstva', 'Zahteva', 'Reklamacija', 'Izdelek', 'Cena', 'Pošiljatelj', 'Prejemnik', 'Priloga', 'Nadstropje'],
  hu: ['Név', 'Vezetéknév', 'Keresztnév', 'Cím', 'Utca', 'Város', 'Település', 'Irányítószám', 'Ország', 'Telefon', 'Mobil', 'Üzenet', 'Tárgy', 'Feladó', 'Címzett', 'Dátum', 'Rendelés', 'Rendelésszám', 'Számla', 'Csomag', 'Szállítás', 'Fizetés', 'Összeg', 'Ügyfél', 'Ügyfélszolgálat', 'Szám', 'Kód', 'Leírás', 'Megjegyzés', 'Állapot', 'Cég', 'Osztály', 'Születési dátum', 'Kérés', 'Panasz', 'Termék', 'Ár', 'Melléklet', 'Emelet'],
  ro: ['Nume', 'Prenume', 'Adresă', 'Adresa', 'Strada', 'Oraș', 'Localitate', 'Cod poștal', 'Țară', 'Telefon', 'Mesaj', 'Subiect', 'De la', 'Către', 'Data', 'Comandă', 'Comanda', 'Număr comandă', 'Factură', 'Factura', 'Colet', 'Livrare', 'Plată', 'Sumă', 'Cont', 'Client', 'Serviciul clienți', 'Număr', 'Cod', 'Descriere', 'Comentariu', 'Stare', 'Firmă', 'Companie', 'Departament', 'Data nașterii', 'Cerere', 'Reclamație', 'Produs', 'Preț', 'Expeditor', 'Destinatar', 'Atașament', 'Etaj', 'Județ'],
  sv: ['Namn', 'Förnamn', 'Efternamn', 'Adress', 'Gata', 'Stad', 'Ort', 'Postnummer', 'Land', 'Telefon', 'Mobil', 'Meddelande', 'Ämne', 'Från', 'Till', 'Datum', 'Beställning', 'Ordernummer', 'Faktura', 'Paket', 'Leverans', 'Betalning', 'Belopp', 'Konto', 'Kund', 'Kundtjänst', 'Kundservice', 'Nummer', 'Kod', 'Beskrivning', 'Kommentar', 'Företag', 'Avdelning', 'Födelsedatum', 'Förfrågan', 'Reklamation', 'Produkt', 'Pris', 'Avsändare', 'Mottagare', 'Bilaga', 'Våning'],
  da: ['Navn', 'Fornavn', 'Efternavn', 'Adresse', 'Gade', 'By', 'Postnummer', 'Land', 'Telefon', 'Mobil', 'Besked', 'Emne', 'Fra', 'Til', 'Dato', 'Bestilling', 'Ordrenummer', 'Faktura', 'Pakke', 'Levering', 'Betaling', 'Beløb', 'Konto', 'Kunde', 'Kundeservice', 'Nummer', 'Kode', 'Beskrivelse', 'Kommentar', 'Firma', 'Afdeling', 'Fødselsdato', 'Forespørgsel', 'Klage', 'Produkt', 'Pris', 'Afsender', 'Modtager', 'Vedhæftet', 'Sal'],
  no: ['Navn', 'Fornavn', 'Etternavn', 'Adresse', 'Gate', 'By', 'Sted', 'Postnummer', 'Land', 'Telefon', 'Mobil', 'Melding', 'Emne', 'Fra', 'Til', 'Dato', 'Bestilling', 'Ordrenummer', 'Faktura', 'Pakke', 'Levering', 'Betaling', 'Beløp', 'Konto', 'Kunde', 'Kundeservice', 'Kundesenter', 'Nummer', 'Kode', 'Beskrivelse', 'Kommentar', 'Firma', 'Avdeling', 'Fødselsdato', 'Forespørsel', 'Klage', 'Produkt', 'Pris', 'Avsender', 'Mottaker', 'Vedlegg', 'Etasje'],
  fi: ['Nimi', 'Etunimi', 'Sukunimi', 'Osoite', 'Katu', 'Kaupunki', 'Paikkakunta', 'Postinumero', 'Maa', 'Puhelin', 'Matkapuhelin', 'Viesti', 'Aihe', 'Lähettäjä', 'Vastaanottaja', 'Päivämäärä', 'Tilaus', 'Tilausnumero', 'Lasku', 'Paketti', 'Toimitus', 'Maksu', 'Summa', 'Tili', 'Asiakas', 'Asiakaspalvelu', 'Numero', 'Koodi', 'Kuvaus', 'Kommentti', 'Huomautus', 'Tila', 'Yritys', 'Osasto', 'Syntymäaika', 'Pyyntö', 'Valitus', 'Tuote', 'Hinta', 'Liite', 'Kerros'],
  tr: ['Ad', 'Adı', 'Soyad', 'Soyadı', 'Ad Soyad', 'Adres', 'Sokak', 'Cadde', 'Şehir', 'İl', 'İlçe', 'Posta kodu', 'Ülke', 'Telefon', 'Cep', 'Mesaj', 'Konu', 'Kimden', 'Kime', 'Tarih', 'Sipariş', 'Sipariş numarası', 'Fatura', 'Paket', 'Kargo', 'Teslimat', 'Ödeme', 'Tutar', 'Hesap', 'Müşteri', 'Müşteri hizmetleri', 'Numara', 'Kod', 'Açıklama', 'Yorum', 'Not', 'Durum', 'Şirket', 'Firma', 'Departman', 'Doğum tarihi', 'Talep', 'Şikayet', 'Ürün', 'Fiyat', 'Gönderen', 'Alıcı', 'Ek', 'Kat', 'Daire'],
  lt: ['Vardas', 'Pavardė', 'Adresas', 'Gatvė', 'Miestas', 'Pašto kodas', 'Šalis', 'Telefonas', 'Žinutė', 'Pranešimas', 'Tema', 'Nuo', 'Kam', 'Data', 'Užsakymas', 'Užsakymo numeris', 'Sąskaita', 'Siunta', 'Pristatymas', 'Mokėjimas', 'Suma', 'Klientas', 'Klientų aptarnavimas', 'Numeris', 'Kodas', 'Aprašymas', 'Komentaras', 'Būsena', 'Įmonė', 'Skyrius', 'Gimimo data', 'Prašymas', 'Skundas', 'Produktas', 'Kaina', 'Siuntėjas', 'Gavėjas', 'Priedas', 'Aukštas'],
  lv: ['Vārds', 'Uzvārds', 'Adrese', 'Iela', 'Pilsēta', 'Pasta indekss', 'Valsts', 'Tālrunis', 'Telefons', 'Ziņa', 'Ziņojums', 'Temats', 'No', 'Kam', 'Datums', 'Pasūtījums', 'Pasūtījuma numurs', 'Rēķins', 'Paka', 'Sūtījums', 'Piegāde', 'Maksājums', 'Summa', 'Konts', 'Klients', 'Klientu serviss', 'Numurs', 'Kods', 'Apraksts', 'Komentārs', 'Statuss', 'Uzņēmums', 'Nodaļa', 'Dzimšanas datums', 'Pieprasījums', 'Sūdzība', 'Produkts', 'Cena', 'Sūtītājs', 'Saņēmējs', 'Pielikums', 'Stāvs'],
  et: ['Nimi', 'Eesnimi', 'Perekonnanimi', 'Aadress', 'Tänav', 'Linn', 'Postiindeks', 'Riik', 'Telefon', 'Sõnum', 'Teema', 'Saatja', 'Saaja', 'Kuupäev', 'Tellimus', 'Tellimuse number', 'Arve', 'Pakk', 'Saadetis', 'Tarne', 'Makse', 'Summa', 'Konto', 'Klient', 'Klienditeenindus', 'Number', 'Kood', 'Kirjeldus', 'Kommentaar', 'Olek', 'Ettevõte', 'Osakond', 'Sünniaeg', 'Päring', 'Kaebus', 'Toode', 'Hind', 'Manus', 'Korrus'],
  el: ['Όνομα', 'Επώνυμο', 'Διεύθυνση', 'Οδός', 'Πόλη', 'Ταχυδρομικός κώδικας', 'Χώρα', 'Τηλέφωνο', 'Κινητό', 'Μήνυμα', 'Θέμα', 'Από', 'Προς', 'Ημερομηνία', 'Παραγγελία', 'Αριθμός παραγγελίας', 'Τιμολόγιο', 'Δέμα', 'Αποστολή', 'Παράδοση', 'Πληρωμή', 'Ποσό', 'Λογαριασμός', 'Πελάτης', 'Εξυπηρέτηση πελατών', 'Αριθμός', 'Κωδικός', 'Περιγραφή', 'Σχόλιο', 'Κατάσταση', 'Εταιρεία', 'Τμήμα', 'Ημερομηνία γέννησης', 'Αίτημα', 'Παράπονο', 'Προϊόν', 'Τιμή', 'Αποστολέας', 'Παραλήπτης', 'Συνημμένο', 'Όροφος'],
  ru: ['Имя', 'Фамилия', 'Отчество', 'Адрес', 'Улица', 'Город', 'Индекс', 'Страна', 'Телефон', 'Сообщение', 'Тема', 'От', 'Кому', 'Дата', 'Заказ', 'Номер заказа', 'Счёт', 'Счет', 'Посылка', 'Доставка', 'Оплата', 'Сумма', 'Клиент', 'Служба поддержки', 'Номер', 'Код', 'Описание', 'Комментарий', 'Статус', 'Компания', 'Отдел', 'Дата рождения', 'Запрос', 'Жалоба', 'Товар', 'Цена', 'Отправитель', 'Получатель', 'Вложение', 'Этаж', 'Квартира'],
  uk: ['Імʼя', 'Прізвище', 'Адреса', 'Вулиця', 'Місто', 'Індекс', 'Країна', 'Телефон', 'Повідомлення', 'Тема', 'Від', 'Кому', 'Дата', 'Замовлення', 'Номер замовлення', 'Рахунок', 'Посилка', 'Доставка', 'Оплата', 'Сума', 'Клієнт', 'Служба підтримки', 'Номер', 'Код', 'Опис', 'Коментар', 'Статус', 'Компанія', 'Відділ', 'Дата народження', 'Запит', 'Скарга', 'Товар', 'Ціна', 'Відправник', 'Одержувач', 'Вкладення', 'Поверх'],
}

/** Greetings and thanks that open or close a message, in the script their speakers write them. */
export const NATIVE_GREETINGS = [
  'Здравствуйте', 'Добрый день', 'Привет', 'Доброго дня', 'Вітаю', 'Добрий день', 'Дякую', 'Спасибо', 'Γεια σας', 'Καλημέρα', 'Ευχαριστώ',
  'Dobrý deň', 'Dobry wieczór', 'Cześć', 'Poštovani', 'Poštovana', 'Pozdrav', 'Lijep pozdrav', 'Srdačan pozdrav', 'Hvala', 'Zdravo', 'Bok',
  'Hyvää päivää', 'Moi', 'Terve', 'Goddag', 'God dag', 'God morgen', 'God morgon', 'Hejsan', 'Tjena', 'Guten Tag', 'Grüß Gott', 'Liebe Grüße',
  'Buonasera', 'Salve', 'Gentile', 'Egregio', 'Estimado', 'Estimada', 'Prezado', 'Prezada', 'Caro', 'Cara', 'Bonsoir', 'Madame', 'Monsieur',
  'Boa tarde', 'Buenas tardes', 'Buenas', 'Beste', 'Geachte', 'Hoi', 'Dag', 'Jó napot', 'Sziasztok', 'Merhabalar', 'İyi günler', 'Selam',
  'Sveiki', 'Laba diena', 'Labdien', 'Tere päevast', 'Bună', 'Salutare', 'Stimate', 'Stimată', 'Héllo', 'Hallöchen', 'Hejka', 'Ahojte',
]

/** Labels of a field whose value is a person, a town or a company, in many languages (training texts). */
export const NAME_FIELD_LABELS = [
  'Name', 'Full name', 'Customer name', 'Contact', 'Account holder', 'Sender', 'Vorname', 'Nachname', 'Absender', 'Kunde', 'Prénom', 'Nom', 'Client',
  'Nombre', 'Apellidos', 'Cliente', 'Nome', 'Cognome', 'Nome completo', 'Naam', 'Klant', 'Imię', 'Nazwisko', 'Imię i nazwisko', 'Jméno', 'Příjmení',
  'Meno', 'Ime', 'Prezime', 'Ime i prezime', 'Név', 'Nume', 'Namn', 'Navn', 'Nimi', 'Ad Soyad', 'Vardas', 'Vārds', 'Όνομα', 'Имя', 'Фамилия', 'Klient', 'Asiakas',
  // the parts of a name, and who a form says a person is
  'First name', 'Last name', 'Surname', 'Given name', 'Family name', 'Middle name', 'Forename', 'Firstname', 'Lastname', 'Contact name', 'Contact person',
  'Cardholder', 'Cardholder name', 'Card holder', 'Name on card', 'Name on the card', 'Name on account', 'Name on the account', 'Account name', 'Recipient',
  'Addressee', 'Beneficiary', 'Requested by', 'Familienname', 'Empfänger', 'Kontoinhaber',
  'Ansprechpartner', 'Nom de famille', 'Destinataire', 'Titulaire', 'Apellido', 'Primer apellido', 'Destinatario', 'Titular', 'Intestatario', 'Sobrenome',
  'Apelido', 'Achternaam', 'Voornaam', 'Ontvanger', 'Efternamn', 'Förnamn', 'Mottagare', 'Etternavn', 'Fornavn', 'Efternavn', 'Mottaker', 'Modtager',
  'Sukunimi', 'Etunimi', 'Vastaanottaja', 'Odbiorca', 'Příjemce', 'Priezvisko', 'Vezetéknév', 'Keresztnév', 'Címzett', 'Prenume', 'Destinatar', 'Primatelj',
  'Priimek', 'Επώνυμο', 'Soyad', 'Soyadı', 'Alıcı', 'Pavardė', 'Uzvārds', 'Perekonnanimi', 'Eesnimi',
]
/**
 * Who a ticket or a record says raised or owns it. Read as person fields only (the gazetteer's
 * personFields), not used by the training generator, so the committed tagger weights still
 * match what the training script makes.
 */
export const RECORD_PERSON_FIELD_LABELS = [
  'Requester', 'Requestor', 'Reporter', 'Reported by', 'Submitted by', 'Submitter', 'Opened by', 'Raised by', 'Created by', 'Assignee', 'Assigned to',
  'Client name', 'Patient', 'Patient name', 'Passenger', 'Passenger name', 'Guest name', 'Member name', 'Policyholder', 'Policy holder',
  'Holder', 'Employee', 'Employee name', 'Applicant', 'Signed by', 'Solicitante', 'Demandeur', 'Antragsteller', 'Melder', 'Richiedente', 'Zgłaszający',
]
export const CITY_FIELD_LABELS = [
  'City', 'Town', 'Suburb', 'Stadt', 'Ort', 'Wohnort', 'Ville', 'Ciudad', 'Localidad', 'Città', 'Comune', 'Cidade', 'Stad', 'Plaats', 'Woonplaats', 'Miasto',
  'Miejscowość', 'Město', 'Mesto', 'Grad', 'Mjesto', 'Város', 'Oraș', 'Kaupunki', 'Şehir', 'İlçe', 'Miestas', 'Pilsēta', 'Linn', 'Πόλη', 'Город', 'Місто', 'Kommune', 'By',
  // regions, countries and birthplaces
  'Country', 'State', 'Region', 'Province', 'County', 'District', 'Village', 'Municipality', 'Place of birth', 'Birthplace', 'Country of residence',
  'Land', 'Bundesland', 'Kanton', 'Geburtsort', 'Pays', 'Région', 'Département', 'Lieu de naissance', 'País', 'Provincia', 'Comunidad', 'Lugar de nacimiento',
  'Paese', 'Regione', 'Luogo di nascita', 'Estado', 'Distrito', 'Concelho', 'Bairro', 'Provincie', 'Gemeente', 'Län', 'Fylke', 'Maa', 'Lääni', 'Kraj',
  'Województwo', 'Země', 'Krajina', 'Država', 'Ország', 'Megye', 'Țara', 'Județ', 'Χώρα', 'Ülke', 'Страна', 'Šalis', 'Valsts', 'Riik',
]
export const COMPANY_FIELD_LABELS = [
  'Company', 'Organisation', 'Organization', 'Employer', 'Firma', 'Arbeitgeber', 'Unternehmen', 'Société', 'Entreprise', 'Empresa', 'Azienda', 'Società', 'Bedrijf',
  'Företag', 'Yritys', 'Şirket', 'Cég', 'Tvrtka', 'Podjetje', 'Uzņēmums', 'Ettevõte', 'Įmonė', 'Εταιρεία', 'Компания', 'Компанія', 'Spółka', 'Společnost',
]

/**
 * What a business calls itself by its trade, in many languages: a name that begins or ends with one
 * is a company ("Wagner Elektro", "Trattoria da Enzo", "Jansen Installatietechniek", "Hotel Alpenrose").
 */
export const BUSINESS_WORDS = [
  // German, Dutch, Scandinavian
  'Elektro', 'Elektrotechnik', 'Bau', 'Baustoffe', 'Versicherung', 'Versicherungen', 'Bäckerei', 'Metzgerei', 'Autohaus', 'Apotheke', 'Handel', 'Handwerk', 'Gastronomie',
  'Immobilien', 'Reisen', 'Transporte', 'Spedition', 'Steuerberatung', 'Kanzlei', 'Zahnarztpraxis', 'Praxis', 'Werkstatt', 'Gasthof', 'Gasthaus', 'Brauerei', 'Maschinenbau',
  'Installatietechniek', 'Installatie', 'Bouw', 'Verzekeringen', 'Bakkerij', 'Makelaardij', 'Techniek', 'Advocaten', 'Tandartsen', 'Transport', 'Handelsonderneming',
  'Bygg', 'Byggtjänst', 'Rör', 'Fastigheter', 'Bageri', 'Konsult', 'Tandläkare', 'Entreprenør', 'Ejendomme', 'Rådgivning', 'Regnskap', 'Eiendom', 'Tannlege',
  // Romance languages
  'Reformas', 'Construcciones', 'Distribuciones', 'Inmobiliaria', 'Seguros', 'Transportes', 'Asesoría', 'Asesores', 'Abogados', 'Panadería', 'Farmacia', 'Ferretería',
  'Industrias', 'Industrie', 'Comercial', 'Corporación', 'Corporação', 'Hermanos', 'Servicios', 'Serviços', 'Inversiones', 'Proyectos', 'Viajes', 'Firma',
  'Talleres', 'Taller', 'Electricidad', 'Fontanería', 'Clínica', 'Hostal', 'Bodega', 'Bodegas', 'Ceramiche', 'Arredamenti', 'Costruzioni', 'Impianti', 'Assicurazioni',
  'Trasporti', 'Trattoria', 'Osteria', 'Pizzeria', 'Ristorante', 'Panificio', 'Officina', 'Elettronica', 'Immobiliare', 'Studio', 'Farmácia', 'Construções', 'Padaria',
  'Imobiliária', 'Contabilidade', 'Advogados', 'Oficina', 'Comércio', 'Boulangerie', 'Pâtisserie', 'Brasserie', 'Bistrot', 'Boucherie', 'Pharmacie', 'Immobilier',
  'Assurances', 'Bâtiment', 'Menuiserie', 'Plomberie', 'Électricité', 'Garage', 'Cabinet', 'Conseil',
  // Central and Eastern European, Baltic, Turkish, Greek
  'Budownictwo', 'Usługi', 'Transport', 'Ubezpieczenia', 'Piekarnia', 'Apteka', 'Hurtownia', 'Nieruchomości', 'Stavby', 'Stavebniny', 'Pojišťovna', 'Lékárna',
  'Autoservis', 'Reality', 'Gradnja', 'Građevinarstvo', 'Ljekarna', 'Osiguranje', 'Pekara', 'Prijevoz', 'Építőipar', 'Biztosító', 'Gyógyszertár', 'Pékség', 'Szerviz',
  'Construcții', 'Farmacie', 'Asigurări', 'Statyba', 'Vaistinė', 'Būvniecība', 'Aptieka', 'Ehitus', 'Apteek', 'İnşaat', 'Ticaret', 'Sigorta', 'Eczane', 'Fırın',
  'Nakliyat', 'Tekstil', 'Mobilya', 'Gıda', 'Turizm', 'Lojistik', 'Danışmanlık', 'Otomotiv', 'Elektrik', 'Trading', 'Textiles', 'Fabrics', 'Enterprises', 'Industries',
  // places of business, usually before the name
  'Hotel', 'Hôtel', 'Hostel', 'Cafe', 'Café', 'Caffè', 'Restaurant', 'Ristorante', 'Restaurante', 'Bar', 'Pub', 'Bistro', 'Salon', 'Klinik', 'Clinica', 'Apotek',
]

/**
 * Institutions that name themselves by what they are, first word in many languages ("Banco de
 * Inglaterra", "Junta General de Accionistas", "Universität Wien", "Partido Popular"): a name that
 * begins with one is an organisation, never a person or a place.
 */
export const INSTITUTION_WORDS = [
  'Association', 'Asociación', 'Associação', 'Associazione', 'Associatie', 'Verein', 'Verband', 'Forening', 'Förening', 'Yhdistys', 'Stowarzyszenie', 'Sdružení', 'Egyesület',
  'Bank', 'Banco', 'Banca', 'Banque', 'Banka', 'Bankas', 'Sparkasse', 'Caja', 'Caixa',
  'Committee', 'Comité', 'Comitato', 'Komitee', 'Komitet', 'Commission', 'Comisión', 'Comissão', 'Commissione', 'Kommission', 'Komisja',
  'Council', 'Consejo', 'Conselho', 'Consiglio', 'Conseil', 'Rat', 'Raad', 'Rada', 'Junta', 'Ayuntamiento', 'Câmara', 'Prefeitura', 'Municipio', 'Gemeinde', 'Gemeente', 'Kommune', 'Urząd',
  'Federation', 'Federación', 'Federação', 'Federazione', 'Fédération', 'Föderation', 'Federacja',
  'Foundation', 'Fundación', 'Fundação', 'Fondazione', 'Fondation', 'Stiftung', 'Stichting', 'Stiftelse', 'Fundacja', 'Nadace',
  'University', 'Universidad', 'Universidade', 'Università', 'Université', 'Universität', 'Universiteit', 'Universitet', 'Uniwersytet', 'Univerzita', 'Yliopisto', 'Egyetem',
  'Institute', 'Instituto', 'Istituto', 'Institut', 'Instytut', 'Ústav', 'Intézet',
  'Ministry', 'Ministerio', 'Ministério', 'Ministero', 'Ministère', 'Ministerium', 'Ministerie', 'Ministerstwo', 'Ministerstvo', 'Departamento', 'Dirección', 'Direção', 'Direzione', 'Direction',
  'Party', 'Partido', 'Partito', 'Parti', 'Partei', 'Partij', 'Partia', 'Strana',
  'Union', 'Unión', 'União', 'Unione', 'Unia', 'Sindicato', 'Gewerkschaft', 'Syndicat',
  'Agency', 'Agencia', 'Agência', 'Agenzia', 'Agence', 'Agentur', 'Agentschap', 'Agencja', 'Agentura',
  'Company', 'Compañía', 'Companhia', 'Compagnia', 'Compagnie', 'Gesellschaft', 'Maatschappij', 'Selskap', 'Sällskap', 'Spółka', 'Společnost', 'Empresa', 'Grupo', 'Gruppo', 'Groupe', 'Gruppe', 'Groep',
  'Cooperativa', 'Coopérative', 'Genossenschaft', 'Coöperatie', 'Spółdzielnia', 'Družstvo',
  'Academy', 'Academia', 'Accademia', 'Académie', 'Akademie', 'Akademia', 'Colegio', 'Colégio', 'Collège', 'Escuela', 'Escola', 'Scuola', 'École', 'Schule', 'School', 'Szkoła', 'Škola', 'Hospital', 'Hôpital', 'Ospedale', 'Krankenhaus', 'Ziekenhuis', 'Sykehus', 'Sjukhus', 'Szpital', 'Nemocnice',
  'Parliament', 'Parlamento', 'Parlament', 'Parlement', 'Senate', 'Senado', 'Senato', 'Sénat', 'Senat', 'Congress', 'Congreso', 'Congresso', 'Kongress', 'Government', 'Gobierno',
  'Governo', 'Gouvernement', 'Regierung', 'Regering', 'Regjeringen', 'Rząd', 'Vláda', 'Army', 'Ejército', 'Exército', 'Esercito', 'Armée', 'Armee', 'Bundeswehr', 'Diputación', 'Generalitat',
  'Club', 'Clube', 'Klub', 'Sociedad', 'Sociedade', 'Società', 'Société', 'Tribunal', 'Tribunale', 'Gericht', 'Corte', 'Cour', 'Sąd', 'Soud', 'Policía', 'Polícia', 'Polizia', 'Police', 'Polizei', 'Politie', 'Politi', 'Polisen', 'Policja', 'Policie',
]

/**
 * Languages that capitalise every noun (German, Luxembourgish): in their text a capital is no sign
 * of a name. Their function words are how a text shows it is written in one.
 */
export const NOUN_CAPITALISING_LANGUAGES = ['de']

