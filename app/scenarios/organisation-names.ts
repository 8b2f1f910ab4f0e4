/**
 * Companies that customers name without any cue ("Evri left it in the bin", "my Monzo card"):
 * banks, payment firms, couriers, telecoms, utilities, insurers, airlines, large retailers and
 * platforms, mostly in the UK, Ireland, the US, Canada, Germany, France, the Netherlands and
 * Australia. Written as the companies write themselves; matched with that capitalisation (or all
 * lower case for the distinctive ones, see isDistinctive). Product brands (a jacket's label, a
 * phone model) are deliberately absent: they are not a party to the conversation.
 */
export const ORGANISATION_NAMES: readonly string[] = `
Barclays|Barclaycard|HSBC|Lloyds|Lloyds Bank|NatWest|Santander|Halifax|Nationwide|TSB|Metro Bank|Monzo|Starling|Starling Bank|Revolut|Wise|
Chase|Virgin Money|First Direct|Co-operative Bank|Co-op Bank|RBS|Royal Bank of Scotland|Bank of Scotland|Ulster Bank|AIB|Bank of Ireland|
Permanent TSB|Danske Bank|Nordea|ING|ABN AMRO|Rabobank|Bunq|N26|Deutsche Bank|Commerzbank|Sparkasse|Volksbank|Postbank|DKB|
BNP Paribas|Société Générale|Societe Generale|Crédit Agricole|Credit Agricole|LCL|Caisse d'Epargne|La Banque Postale|Boursorama|
UniCredit|Intesa Sanpaolo|BBVA|CaixaBank|Sabadell|Bankinter|Millennium BCP|Caixa Geral|
Bank of America|Wells Fargo|Citibank|Citi|Capital One|US Bank|PNC|Truist|TD Bank|TD|RBC|Scotiabank|BMO|CIBC|Desjardins|Tangerine|
Commonwealth Bank|CommBank|Westpac|ANZ|NAB|ASB|Kiwibank|Ally Bank|Discover Bank|Charles Schwab|Fidelity|Vanguard|Hargreaves Lansdown|
PayPal|Stripe|Klarna|Clearpay|Afterpay|Square|Venmo|Zelle|Cash App|Payoneer|Skrill|Western Union|MoneyGram|Remitly|WorldRemit|Curve|Chip|Plum|
Moneybox|Nutmeg|Trading 212|eToro|Coinbase|Binance|Kraken|Experian|Equifax|TransUnion|ClearScore|Credit Karma|
Royal Mail|Parcelforce|Evri|Hermes|DPD|DHL|UPS|FedEx|TNT|Yodel|USPS|Canada Post|Purolator|An Post|PostNL|DHL Express|GLS|
Deutsche Post|La Poste|Colissimo|Chronopost|Australia Post|StarTrack|Aramex|InPost|Amazon Logistics|CollectPlus|
BT|Openreach|Sky|Virgin Media|TalkTalk|Plusnet|Vodafone|EE|O2|Three|Giffgaff|iD Mobile|Lebara|Lycamobile|Tesco Mobile|
Hyperoptic|Community Fibre|Eir|Eir Mobile|Telekom|Deutsche Telekom|Telefónica|Telefonica|Movistar|Orange|SFR|Bouygues Telecom|Free Mobile|
KPN|Ziggo|Odido|T-Mobile|Verizon|AT&T|Comcast|Xfinity|Spectrum|Cox|CenturyLink|Rogers|Bell|Telus|Shaw|Fido|Koodo|Telstra|Optus|
British Gas|EDF|EDF Energy|E.ON|E.ON Next|Octopus Energy|Octopus|OVO|OVO Energy|Scottish Power|ScottishPower|SSE|Bulb|Shell Energy|
Utility Warehouse|So Energy|Good Energy|Ecotricity|Thames Water|Severn Trent|Anglian Water|Yorkshire Water|United Utilities|
Southern Water|Welsh Water|Scottish Water|Irish Water|Uisce Éireann|Electric Ireland|Bord Gáis|Bord Gais Energy|Vattenfall|Eneco|Essent|
Aviva|Direct Line|Admiral|Churchill|LV=|Legal & General|Zurich|Allianz|AXA|Hastings Direct|Saga|Prudential|Royal London|Aegon|
Bupa|Vitality|AA|RAC|Green Flag|Geico|State Farm|Progressive|Allstate|Liberty Mutual|Compare the Market|MoneySupermarket|GoCompare|
British Airways|EasyJet|easyJet|Ryanair|Aer Lingus|Jet2|Wizz Air|Virgin Atlantic|Lufthansa|KLM|Air France|Emirates|Qatar Airways|
Etihad|Delta|United Airlines|American Airlines|Southwest|JetBlue|Air Canada|WestJet|Qantas|Iberia|Vueling|TUI|Eurostar|
Trainline|Avanti|LNER|Northern Rail|GWR|ScotRail|Deutsche Bahn|SNCF|Amtrak|Uber|Uber Eats|Lyft|Bolt|Deliveroo|Just Eat|
DoorDash|Grubhub|Instacart|Booking.com|Expedia|Airbnb|Hotels.com|Trivago|Skyscanner|Lastminute|On the Beach|Premier Inn|
Travelodge|Hilton|Marriott|Ibis|Holiday Inn|
Amazon|eBay|Etsy|Argos|Currys|John Lewis|Marks & Spencer|M&S|Tesco|Sainsbury's|Sainsburys|Asda|Morrisons|Waitrose|Ocado|Aldi|Lidl|
Iceland|Co-op|Boots|Superdrug|Screwfix|Toolstation|B&Q|Wickes|Homebase|IKEA|Ikea|Dunelm|Wayfair|AO.com|Very|Littlewoods|JD Sports|
Sports Direct|Primark|Next|ASOS|Boohoo|Zalando|Shein|Temu|AliExpress|Alibaba|Walmart|Target|Costco|Best Buy|Home Depot|Lowe's|
Kroger|Walgreens|CVS|Canadian Tire|Loblaws|Shoppers Drug Mart|Woolworths|Coles|Bunnings|JB Hi-Fi|Kmart|MediaMarkt|Saturn|Otto|
Fnac|Darty|Carrefour|Leclerc|Albert Heijn|Bol.com|bol.com|Coolblue|Jumbo|Decathlon|Halfords|Pets at Home|Specsavers|Vision Express|
Apple|Google|Microsoft|Samsung|Sony|Netflix|Spotify|Disney+|
Hulu|HBO Max|Paramount+|NOW TV|Audible|Dropbox|Zoom|Slack|Adobe|Xero|QuickBooks|Sage|Intuit|Shopify|Squarespace|Wix|GoDaddy|
Namecheap|Cloudflare|Salesforce|HubSpot|Mailchimp|Zendesk|Atlassian|GitHub|Epic Games|Nintendo|
EA|Ubisoft|Activision|Blizzard|Deezer|Peloton|Fitbit|Garmin|Ring|Nest|
`
  .split('|')
  .map((name) => name.trim())
  .filter(Boolean)

/**
 * Company names that are also everyday words, places, surnames or products: taken only with some
 * context (see pii-entities: "my Sky account", "switched to Three", "Next refunded me").
 */
export const AMBIGUOUS_ORGANISATIONS: ReadonlySet<string> = new Set(
  `wise chase sky three orange next very iceland co-op boots target nest ring meta apple square chip plum curve bolt
  bell shaw cox spectrum delta southwest saga octopus churchill admiral zurich progressive bulb saturn otto jumbo steam
  valve discord hinge bumble reddit instagram facebook twitter whatsapp tiktok snapchat linkedin xbox playstation
  nintendo samsung sony google microsoft ea zoom slack sage wix nhs td citi fidelity vanguard kraken halifax
  nationwide santander telekom eir aa rac sse avanti bupa vitality hermes uber lyft
  audible dropbox adobe atlassian github roblox twitch pinterest tinder deezer peloton fitbit garmin ikea`.split(/\s+/).filter(Boolean),
)
